using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Server.Tests.Api;
using static TerritoryGrid.Server.Tests.Sync.SyncExports;

namespace TerritoryGrid.Server.Tests.Sync;

/// <summary>Export, re-import: the same company. The three exports read back through the territorygrid layout.</summary>
[Collection(ServerCollection.Name)]
public sealed class SyncRoundTripTests(ServerFixture server)
{
    private readonly HttpClient client = server.CreateClient();

    [Fact]
    public async Task TheExports_SyncedBack_ChangeNothing_AndImportedElsewhere_AreTheSameCompany()
    {
        const string workspace = "sync-roundtrip";
        var company = TestData.Company();
        company["accounts"]![0]!["revenuePotential"] = 123456.789;
        company["accounts"]![1]!["location"] = new JsonObject { ["latitude"] = 37.123456789, ["longitude"] = -122.987654321 };
        company["reps"]![0]!["annualQuota"] = 250000;
        company["reps"]![0]!["sellingHoursPerWeek"] = 32.5;
        company["reps"]![0]!["experienceYears"] = 7;
        company["reps"]![1]!["startDate"] = "2026-08-17T00:00:00+00:00";
        company["accounts"]![2]!["employees"] = 1200;
        Assert.True((await client.PutAsJsonAsync($"/api/workspaces/{workspace}/company", company)).IsSuccessStatusCode);
        await client.PostAsJsonAsync($"/api/workspaces/{workspace}/activity", new JsonArray(TestData.Event("r1", "call", "A", 1, "ann")));
        var territories = await client.GetStringAsync($"/api/workspaces/{workspace}/export/territories.csv");
        var reps = await client.GetStringAsync($"/api/workspaces/{workspace}/export/reps.csv");
        var accounts = await client.GetStringAsync($"/api/workspaces/{workspace}/export/accounts.csv");

        var synced = await client.PostAsync($"/api/workspaces/{workspace}/company/csv/sync", Form(territories, reps, accounts));
        var copy = Form(territories, reps, accounts);
        copy.Add(new StringContent("Worked example"), "name");
        copy.Add(new StringContent(TestData.PlanStart), "planStart");
        var imported = await client.PutAsync("/api/workspaces/sync-roundtrip-copy/company/csv", copy);

        var answer = (await synced.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(synced.StatusCode == HttpStatusCode.OK, answer.ToJsonString());
        Assert.Equal(0, (int)answer["total"]!);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        Assert.Equal(await CanonicalAsync(workspace), await CanonicalAsync("sync-roundtrip-copy"));
    }

    /// <summary>The company with its lists in id order: the territories export lists them by name.</summary>
    private async Task<string> CanonicalAsync(string workspace)
    {
        var company = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/company"))!;
        foreach (var list in new[] { "territories", "reps", "accounts" })
        {
            company[list] = new JsonArray([.. company[list]!.AsArray().OrderBy(e => (string)e!["id"]!, StringComparer.Ordinal).Select(e => e!.DeepClone())]);
        }

        return company.ToJsonString();
    }
}
