using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Api;

/// <summary>Keys limited to some territories or regions see those and nothing else, and are told why.</summary>
[Collection(ServerCollection.Name)]
public sealed class ScopedAccessTests(ServerFixture server)
{
    private const string Workspace = "scoped";

    private async Task<HttpClient> ClientAsync(string key)
    {
        using var admin = server.CreateClient();
        var load = await admin.PutAsync($"/api/workspaces/{Workspace}/company", new StringContent(TestData.Company().ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    [Fact]
    public async Task TerritoryScopedViewer_SeesOnlyItsTerritory_AndIsToldWhyElsewhere()
    {
        using var client = await ClientAsync(TestKeys.ScopedViewer);

        var list = await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories");
        Assert.Equal(["east"], list!["territories"]!.AsArray().Select(t => (string)t!["id"]!));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/workspaces/{Workspace}/territories/east")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/workspaces/{Workspace}/reps/ann")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/workspaces/{Workspace}/accounts/A")).StatusCode);

        var west = await client.GetAsync($"/api/workspaces/{Workspace}/territories/west");
        Assert.Equal(HttpStatusCode.Forbidden, west.StatusCode);
        Assert.Contains("territory 'west' is outside what this key may see (territories east, north)", await west.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/workspaces/{Workspace}/reps/bob")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/workspaces/{Workspace}/accounts/B")).StatusCode);
        foreach (var wholeCompany in new[] { "balance", "company", "map" })
        {
            var refused = await client.GetAsync($"/api/workspaces/{Workspace}/{wholeCompany}");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("is outside what this key may see", await refused.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task RegionScopedPlanner_SeesTheTerritoriesOfItsRegion()
    {
        using var client = await ClientAsync(TestKeys.WestPlanner);

        var list = await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories");
        Assert.Equal(["west"], list!["territories"]!.AsArray().Select(t => (string)t!["id"]!));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/workspaces/{Workspace}/accounts/B")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/workspaces/{Workspace}/accounts/A")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/workspaces/{Workspace}/territories/central")).StatusCode);
    }

    [Fact]
    public async Task UnscopedViewer_SeesEveryTerritory()
    {
        using var client = await ClientAsync(TestKeys.Viewer);
        var list = await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories");
        Assert.Equal(3, list!["territories"]!.AsArray().Count);
    }
}
