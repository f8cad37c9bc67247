using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Server.Tests.Api;
using static TerritoryGrid.Server.Tests.Sync.SyncExports;

namespace TerritoryGrid.Server.Tests.Sync;

/// <summary>
/// Re-importing a newer CRM export applies exactly what changed, live, in the same generation; the same export again
/// changes nothing; an orphaned account stays under-served until a later export gives it an owner.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class CompanySyncApiTests(ServerFixture server)
{
    private const string Workspace = "sync-crm";
    private static readonly DateTimeOffset EffectiveAt = DateTimeOffset.Parse("2026-09-05T00:00:00Z");

    private const string TerritoriesV1 = TerritoriesHeader + "east,East,East,100000\r\nwest,West,West,\r\n";
    private const string RepsV1 = RepsHeader + "ann,Ann,east,outside,40.7,-74.0,\r\nbob,Bob,west,inside,37.7,-122.4,\r\ncat,Cat,east,inside,40.6,-73.9,\r\n";
    private const string AccountsV1 = AccountsHeader +
        "A,Alpha,east,ann,Retail,New York,40.8,-73.9,65000,18000\r\n" +
        "B,Beta,west,bob,Retail,Oakland,37.8,-122.3,60000,10000\r\n" +
        "C,Gamma,east,cat,Education,Brooklyn,40.65,-73.95,55000,4000\r\n" +
        "D,Delta,west,bob,Retail,San Jose,37.3,-121.9,20000,5000\r\n" +
        "E,Epsilon,east,ann,Retail,Newark,40.73,-74.17,10000,2000\r\n";

    // North opens with Dan; Cat leaves and nobody is given Gamma; Beta goes to Dan; Epsilon is closed; Phi is new;
    // Alpha's revenue and Ann's quota change.
    private const string TerritoriesV2 = TerritoriesV1 + "north,North,North,\r\n";
    private const string RepsV2 = RepsHeader + "ann,Ann,east,outside,40.7,-74.0,120000\r\nbob,Bob,west,inside,37.7,-122.4,\r\ndan,Dan,north,inside,44.9,-93.2,\r\n";
    private const string AccountsV2 = AccountsHeader +
        "A,Alpha,east,ann,Retail,New York,40.8,-73.9,70000,18000\r\n" +
        "B,Beta,north,dan,Retail,Oakland,37.8,-122.3,60000,10000\r\n" +
        "C,Gamma,east,,Education,Brooklyn,40.65,-73.95,55000,4000\r\n" +
        "D,Delta,west,bob,Retail,San Jose,37.3,-121.9,20000,5000\r\n" +
        "F,Phi,north,dan,Retail,Minneapolis,44.97,-93.26,30000,3000\r\n";

    private readonly HttpClient client = server.CreateClient();

    [Fact]
    public async Task ANewerExport_AppliesExactlyItsChanges_LiveInTheSameGeneration_AndTheSameExportAgainChangesNothing()
    {
        await LoadV1WithActivityAsync();

        var dryRun = await SyncAsync(TerritoriesV2, RepsV2, AccountsV2, "?dryRun=true");
        Assert.True((bool)dryRun["dryRun"]!);
        Assert.Equal(9, (int)dryRun["total"]!);
        Assert.Equal(5, (await CompanyAsync())["accounts"]!.AsArray().Count);

        var applied = await SyncAsync(TerritoriesV2, RepsV2, AccountsV2);

        Assert.False((bool)applied["dryRun"]!);
        Assert.Equal(EffectiveAt, DateTimeOffset.Parse((string)applied["effectiveAt"]!));
        Assert.Equal(
            ["territoryAdded north", "repJoined dan", "accountAdded F", "accountReassigned B west/bob→north/dan", "accountOrphaned C east/cat→east/",
             "accountUpdated A annualRevenue", "repUpdated ann annualQuota", "accountClosed E", "repLeft cat"],
            applied["changes"]!.AsArray().Select(Describe));
        Assert.Equal(1, (int)applied["counts"]!["accountClosed"]!);
        var info = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}"))!;
        Assert.Equal(1, (int)info["generation"]!);
        Assert.Equal(1, (int)info["alignmentVersion"]!);
        // What an open dashboard polls: the alignment and whether the server is recovering, without the workspace's territory and rep lists.
        var alignment = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/alignment"))!;
        Assert.Equal(["generation", "alignmentVersion", "alignedBy", "loadedAt", "recovering"], alignment.Select(p => p.Key));
        Assert.Equal(1, (int)alignment["generation"]!);
        Assert.Equal(1, (int)alignment["alignmentVersion"]!);
        Assert.StartsWith("sync-", (string)alignment["alignedBy"]!);

        var company = await CompanyAsync();
        Assert.Equal(["east", "west", "north"], company["territories"]!.AsArray().Select(t => (string)t!["id"]!));
        Assert.Equal(["ann", "bob", "dan"], company["reps"]!.AsArray().Select(r => (string)r!["id"]!));
        Assert.Equal(["A/east/ann", "B/north/dan", "C/east/", "D/west/bob", "F/north/dan"],
            company["accounts"]!.AsArray().Select(a => $"{a!["id"]}/{a["territoryId"]}/{a["ownerRepId"]}"));
        Assert.Equal(EffectiveAt, DateTimeOffset.Parse((string)company["accounts"]![2]!["orphanedSince"]!));
        Assert.Equal(70000, (double)company["accounts"]![0]!["annualRevenue"]!);
        Assert.Equal(120000, (double)company["reps"]![0]!["annualQuota"]!);

        // Epsilon closed: its revenue stays in East's totals, it no longer counts among East's accounts.
        var epsilon = (await AccountAsync("E"))["account"]!;
        Assert.Equal(EffectiveAt, DateTimeOffset.Parse((string)epsilon["closedAt"]!));
        Assert.Equal(0, (double)epsilon["touchesRequired"]!);
        var east = await TerritoryAsync("east", t => (int)t["territory"]!["accountCount"]! == 2 && (double)t["territory"]!["totals"]!["revenue"]! == 1500);
        Assert.Equal((2, 1500.0), ((int)east["territory"]!["accountCount"]!, (double)east["territory"]!["totals"]!["revenue"]!));
        // Beta's call before the move stays with West; North has Beta, Phi and Dan.
        var west = await TerritoryAsync("west", t => (int)t["territory"]!["accountCount"]! == 1 && (int)t["territory"]!["totals"]!["conversations"]! == 2);
        Assert.Equal((1, 2), ((int)west["territory"]!["accountCount"]!, (int)west["territory"]!["totals"]!["conversations"]!));
        var north = await TerritoryAsync("north", t => (int)t["territory"]!["accountsReporting"]! == 2);
        Assert.Equal(2, (int)north["territory"]!["accountCount"]!);
        Assert.Contains(north["reps"]!.AsArray(), r => (string)r!["id"]! == "dan");
        Assert.Equal(("north", "dan"), ((string)(await AccountAsync("B"))["account"]!["territoryId"]!, (string)(await AccountAsync("B"))["account"]!["ownerRepId"]!));

        // Gamma, orphaned from the effective time, makes East under-served once its days close.
        await PostAsync(Event("s6", "call", "A", 6, "ann"));
        east = await TerritoryAsync("east", t => t["statusHistory"]!.AsArray().Any(c => ((string)c!["reason"]!).Contains("orphaned")));
        var orphaned = east["statusHistory"]!.AsArray().First(c => ((string)c!["reason"]!).Contains("orphaned"))!;
        Assert.Equal(("underServed", EffectiveAt), ((string)orphaned["to"]!, DateTimeOffset.Parse((string)orphaned["at"]!)));
        Assert.Contains("1 orphaned account (owner left, not reassigned): C", (string)orphaned["reason"]!);

        var before = await FiguresAsync();
        var again = await SyncAsync(TerritoriesV2, RepsV2, AccountsV2);

        Assert.Equal((0, false), ((int)again["total"]!, (bool)again["dryRun"]!));
        Assert.Empty(again["changes"]!.AsArray());
        Assert.Equal(before, await FiguresAsync());

        // The CRM gives Gamma to Ann: reassigned, no longer orphaned.
        var reassigned = await SyncAsync(TerritoriesV2, RepsV2, AccountsV2.Replace("C,Gamma,east,,", "C,Gamma,east,ann,"));
        Assert.Equal(["accountReassigned C east/→east/ann"], reassigned["changes"]!.AsArray().Select(Describe));
        Assert.Null((await CompanyAsync())["accounts"]![2]!["orphanedSince"]);
        // As of East's watermark Gamma is orphaned until the reassignment's effective time; after it, no longer.
        Assert.NotNull((await AccountAsync("C"))["account"]!["orphanedSince"]);
        await PostAsync(Event("s9", "call", "C", 9, "ann"));
        east = await TerritoryAsync("east", t => DateTimeOffset.Parse((string)t["territory"]!["watermark"]!) >= DateTimeOffset.Parse("2026-09-10T00:00:00Z"));
        Assert.Null((await AccountAsync("C"))["account"]!["orphanedSince"]);
        Assert.Empty(east["territory"]!["orphanedAccounts"]?.AsArray() ?? []);
        Assert.DoesNotContain("orphaned", (string)east["territory"]!["statusReason"]!);
    }

    [Fact]
    public async Task AnInvalidExport_IsRefusedWithFileLineAndColumn_AndNothingIsApplied()
    {
        const string workspace = "sync-invalid";
        Assert.True((await client.PutAsync($"/api/workspaces/{workspace}/company/csv", Form(TerritoriesV1, RepsV1, AccountsV1))).IsSuccessStatusCode);

        var response = await client.PostAsync($"/api/workspaces/{workspace}/company/csv/sync",
            Form(TerritoriesV2, RepsV2, AccountsV2.Replace("F,Phi,north,dan", "F,Phi,south,dan").Replace("70000", "lots")));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'lots' is not a number", body);
        Assert.Contains("accounts.csv", body);
        Assert.Equal(5, (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/company"))!["accounts"]!.AsArray().Count);
        var notMidnight = await client.PostAsync($"/api/workspaces/{workspace}/company/csv/sync?effectiveAt=2026-12-01T10:00:00Z", Form(TerritoriesV2, RepsV2, AccountsV2));
        Assert.Equal(HttpStatusCode.BadRequest, notMidnight.StatusCode);
        Assert.Contains("must be the start of a day", await notMidnight.Content.ReadAsStringAsync());
        var noCompany = await client.PostAsync("/api/workspaces/sync-nothing/company/csv/sync", Form(TerritoriesV2, RepsV2, AccountsV2));
        Assert.Equal(HttpStatusCode.NotFound, noCompany.StatusCode);
    }

    private async Task LoadV1WithActivityAsync()
    {
        var form = Form(TerritoriesV1, RepsV1, AccountsV1);
        form.Add(new StringContent(TestData.PlanStart), "planStart");
        var load = await client.PutAsync($"/api/workspaces/{Workspace}/company/csv", form);
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
        await PostAsync(
            Event("s1", "call", "A", 1, "ann"), Event("s2", "call", "B", 2, "bob"), Order("s3", "C", 3, "cat", 1000),
            Order("s4", "E", 2, "ann", 500), Event("s5", "call", "D", 3, "bob"));
    }

    private async Task<JsonObject> SyncAsync(string territories, string reps, string accounts, string query = "")
    {
        var response = await client.PostAsync($"/api/workspaces/{Workspace}/company/csv/sync{query}", Form(territories, reps, accounts));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private async Task PostAsync(params JsonObject[] events)
    {
        var response = await client.PostAsJsonAsync($"/api/workspaces/{Workspace}/activity", new JsonArray(events));
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(body["rejected"]!.AsArray().Count == 0, body.ToJsonString());
    }

    private async Task<JsonObject> CompanyAsync() => (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/company"))!;

    private async Task<JsonObject> AccountAsync(string id) => (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/accounts/{id}"))!;

    /// <summary>Everything a sync could change: the company, the alignment version, every territory's figures and status.</summary>
    private async Task<string> FiguresAsync()
    {
        var info = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}"))!;
        var territories = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories"))!["territories"]!.AsArray();
        var figures = territories.Select(t => string.Join("|", t!["id"], t["status"], t["statusReason"], t["accountCount"], t["accountsReporting"],
            t["demandHours"], t["capacityHours"], t["repCount"], t["totals"]!.ToJsonString()));
        return $"{info["alignmentVersion"]} {info["generation"]}\n{(await CompanyAsync()).ToJsonString()}\n{string.Join("\n", figures)}";
    }

    private async Task<JsonObject> TerritoryAsync(string id, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var detail = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories/{id}"))!;
            if (done(detail) || DateTime.UtcNow > deadline)
            {
                return detail;
            }

            await Task.Delay(20);
        }
    }

    private static JsonObject Event(string id, string kind, string account, int day, string rep) => TestData.Event(id, kind, account, day, rep);

    private static JsonObject Order(string id, string account, int day, string rep, double amount)
    {
        var order = TestData.Event(id, "order", account, day, rep);
        order["amount"] = amount;
        order["cost"] = amount / 10;
        return order;
    }

    private static string Describe(JsonNode? change) => change!["fields"] is JsonArray fields
        ? $"{change["kind"]} {change["id"]} {string.Join("+", fields.Select(f => (string)f!))}"
        : (string)change["kind"]! is "accountReassigned" or "accountOrphaned"
            ? $"{change["kind"]} {change["id"]} {change["fromTerritoryId"]}/{change["fromOwnerRepId"]}→{change["toTerritoryId"]}/{change["toOwnerRepId"]}"
            : $"{change["kind"]} {change["id"]}";
}
