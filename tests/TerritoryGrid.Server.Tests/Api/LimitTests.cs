using System.Net;
using Microsoft.AspNetCore.Hosting;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>Limits answer with a clear status and Retry-After, and the server keeps serving.</summary>
public sealed class LimitTests
{
    /// <summary>A server allowing each key 2 requests at once and 1 more per second.</summary>
    private sealed class TightServer : TestServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Limits:RequestsPerSecond", "1");
            builder.UseSetting("Limits:Burst", "2");
        }
    }

    [Fact]
    public async Task AKeyOverItsRate_Gets429WithRetryAfter_WhileAnotherKeyIsServed()
    {
        await using var server = new TightServer();
        using var viewer = server.CreateClient();
        viewer.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Viewer);
        using var planner = server.CreateClient();
        planner.DefaultRequestHeaders.Authorization = new("Bearer", TestKeys.Planner);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await viewer.GetAsync("/api/workspaces")).StatusCode);
        }

        var refused = await viewer.GetAsync("/api/workspaces");
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Contains("requests per second (burst 2) for this key", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync("/api/workspaces")).StatusCode);
    }
}
