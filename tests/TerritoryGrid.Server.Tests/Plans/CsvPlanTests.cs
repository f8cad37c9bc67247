using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;
using static TerritoryGrid.Server.Tests.Plans.PlanCompany;

namespace TerritoryGrid.Server.Tests.Plans;

/// <summary>Account moves as CSV: an edited accounts export is a plan; a bad row is named by its line.</summary>
[Collection(ServerCollection.Name)]
public sealed class CsvPlanTests(ServerFixture server)
{
    private const string Workspace = "plan-csv";

    [Fact]
    public async Task AnEditedAccountsExport_BecomesAPlanOfTheRowsThatChanged()
    {
        using var planner = Planner();
        Assert.True((await planner.PutAsJsonAsync($"/api/workspaces/{Workspace}/company", Create())).IsSuccessStatusCode);
        var export = await planner.GetStringAsync($"/api/workspaces/{Workspace}/export/accounts.csv");
        var lines = export.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        string Edit(string line, string territory, string owner)
        {
            var cells = line.Split(',');
            cells[Column("territory_id")] = territory;
            cells[Column("owner_rep_id")] = owner;
            return string.Join(',', cells);
        }

        var first = lines.FindIndex(l => l.StartsWith(Account(0, 0) + ",", StringComparison.Ordinal));
        var second = lines.FindIndex(l => l.StartsWith(Account(0, 1) + ",", StringComparison.Ordinal));
        lines[first] = Edit(lines[first], "t3", Rep(3, 0));
        lines[second] = Edit(lines[second], "t0", Rep(0, 0));

        var response = await planner.PostAsync($"/api/workspaces/{Workspace}/plans/csv?name=Edited%20export",
            new StringContent(string.Join('\n', lines), Encoding.UTF8, "text/csv"));
        var plan = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(response.StatusCode == HttpStatusCode.Created, plan?.ToJsonString());
        Assert.Equal(2, plan!["impact"]!["accountsMoved"]!.GetValue<int>());
        Assert.Equal("Edited export", plan["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABadRow_IsNamedByItsLine()
    {
        using var planner = Planner();
        Assert.True((await planner.PutAsJsonAsync($"/api/workspaces/{Workspace}-b/company", Create())).IsSuccessStatusCode);
        var csv = $"account_id,owner_rep_id\n{Account(0, 0)},{Rep(1, 0)}\nno-such-account,{Rep(1, 0)}\n{Account(0, 2)},nobody\n";

        var response = await planner.PostAsync($"/api/workspaces/{Workspace}-b/plans/csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
        [
            "moves.csv line 3, accountId: unknown account 'no-such-account'",
            "moves.csv line 4, toRepId: unknown rep 'nobody'",
        ], body!["problems"]!.AsArray().Select(p => $"{p!["where"]}: {p["message"]}"));
    }

    [Fact]
    public async Task ARepHiredThroughTheRoster_CanTakeAccountsInAPlan()
    {
        using var admin = server.CreateClient();
        Assert.True((await admin.PutAsJsonAsync($"/api/workspaces/{Workspace}-c/company", Create())).IsSuccessStatusCode);
        var hire = new JsonArray(new JsonObject
        {
            ["repId"] = "new-hire", ["kind"] = "hire", ["effectiveAt"] = PlanStart.AddDays(5).ToString("O"), ["territoryId"] = "t2",
            ["name"] = "New Hire", ["role"] = "inside", ["home"] = new JsonObject { ["latitude"] = 47.0, ["longitude"] = -90.0 }, ["rampWeeks"] = 4,
        });
        Assert.True((await admin.PostAsJsonAsync($"/api/workspaces/{Workspace}-c/roster", hire)).IsSuccessStatusCode);

        var response = await admin.PostAsync($"/api/workspaces/{Workspace}-c/plans/csv",
            new StringContent($"account_id,owner_rep_id\n{Account(2, 0)},new-hire\n", Encoding.UTF8, "text/csv"));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var company = await admin.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}-c/company");
        Assert.Contains(company!["reps"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "new-hire");
    }

    private HttpClient Planner()
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Planner);
        return client;
    }
}
