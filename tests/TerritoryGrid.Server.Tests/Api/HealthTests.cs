using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>Liveness and readiness answer without a key and say what they checked.</summary>
[Collection(ServerCollection.Name)]
public sealed class HealthTests(ServerFixture server)
{
    [Fact]
    public async Task Ready_OnceTheSiloIsActive_SaysSo_WithoutAKey()
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = null;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        var body = await ready.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", (string)body!["status"]!);
        Assert.Contains("active; store answers", (string)body["checks"]!["silo-and-store"]!);
    }
}
