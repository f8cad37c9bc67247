using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using TerritoryGrid.Server.Tests.Security;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>What a request logs carries the workspace and territory its route names, and ASP.NET Core's request id.</summary>
public sealed class LogScopeTests
{
    private sealed class LoggedServer(CapturedLogs logs) : TerritoryGrid.Testing.TestServer
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }

    [Fact]
    public async Task ARequestsLogLines_CarryItsWorkspaceTerritoryAndRequestId()
    {
        var logs = new CapturedLogs();
        await using var server = new LoggedServer(logs);
        using var client = server.CreateClient();
        Assert.True((await client.PutAsJsonAsync("/api/workspaces/scoped-logs/company", TestData.Company())).IsSuccessStatusCode);

        Assert.True((await client.GetAsync("/api/workspaces/scoped-logs/territories/east")).IsSuccessStatusCode);

        var entries = logs.Entries.Where(e => e.Texts.Contains("territoryId=east")).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Contains("workspace=scoped-logs", e.Texts));
        Assert.Contains(entries, e => e.Texts.Any(t => t.StartsWith("RequestId=", StringComparison.Ordinal)));
    }
}
