using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Dashboard.Tests;

/// <summary>
/// A small company whose territory "north" is balanced — 40 C accounts needing 2.5 demand hours a week, one inside
/// rep with 3 capacity hours, every account called within the window — until a wave of new leads raises demand
/// (0.5 h a week each) past what the rep can give: the domain model then says under-served.
/// </summary>
internal static class Scenario
{
    public static readonly DateTimeOffset Today = new(DateTime.UtcNow.Date, TimeSpan.Zero);
    public static readonly DateTimeOffset PlanStart = Today.AddDays(-40);

    public static JsonObject Company(string northName = "North") => new()
    {
        ["name"] = "Dashboard test company",
        ["planStart"] = PlanStart.ToString("O"),
        ["territories"] = new JsonArray(
            new JsonObject { ["id"] = "north", ["name"] = northName, ["region"] = "North" },
            new JsonObject { ["id"] = "south", ["name"] = "South", ["region"] = "South" }),
        ["reps"] = new JsonArray(
            Rep("nora", "Nora North", "north", 0.1, 45.0),
            Rep("sam", "Sam South", "south", 1.0, 40.0)),
        ["accounts"] = new JsonArray([.. Enumerable.Range(0, 40).Select(i => Account($"n{i:D2}", "north", "nora", 45.0)),
            .. Enumerable.Range(0, 5).Select(i => Account($"s{i}", "south", "sam", 40.0))]),
    };

    /// <summary>Many identical territories (one rep, one account each): more than the territories table shows at once.</summary>
    public static JsonObject ManyTerritories(int count) => new()
    {
        ["name"] = "Large test company",
        ["planStart"] = PlanStart.ToString("O"),
        ["territories"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => new JsonObject { ["id"] = $"t{i:D3}", ["name"] = $"Territory {i:D3}" })]),
        ["reps"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => Rep($"r{i:D3}", $"Rep {i:D3}", $"t{i:D3}", 1.0, 40.0))]),
        ["accounts"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => Account($"a{i:D3}", $"t{i:D3}", $"r{i:D3}", 40.0))]),
    };

    /// <summary>A call on every account spread over the last weeks: the call plan (C: one call per 4 weeks) is met.</summary>
    public static JsonArray Served() => new([.. Enumerable.Range(0, 40).Select(i =>
        Event($"call-n{i:D2}", "call", $"n{i:D2}", "nora", Today.AddDays(-20 + i % 15).AddHours(10)))]);

    /// <summary>A call on each of South's accounts.</summary>
    public static JsonArray SouthCalls() => new([.. Enumerable.Range(0, 5).Select(i =>
        Event($"call-s{i}", "call", $"s{i}", "sam", Today.AddDays(-3).AddHours(10)))]);

    /// <summary>Twelve new leads two days ago, then an ordinary call yesterday that moves event time past midnight.</summary>
    public static JsonArray LeadWave() => new([.. Enumerable.Range(0, 12).Select(i =>
        (JsonNode)Event($"lead-{i}", "leadCreated", $"n{i:D2}", "nora", Today.AddDays(-2).AddHours(9), reference: $"L{i}")),
        Event("call-yesterday", "call", "n30", "nora", Today.AddDays(-1).AddHours(12))]);

    /// <summary>One order on an account.</summary>
    public static JsonArray Order(string id, string account, string rep, DateTimeOffset at, double amount)
    {
        var order = Event(id, "order", account, rep, at);
        order["amount"] = amount;
        return [order];
    }

    public static async Task LoadAsync(HttpClient http, string workspace, JsonObject company)
    {
        var response = await http.PutAsJsonAsync($"/api/workspaces/{workspace}/company", company);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonObject> PostAsync(HttpClient http, string workspace, JsonArray events)
    {
        var response = await http.PostAsJsonAsync($"/api/workspaces/{workspace}/activity", events);
        var result = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(result["rejected"]!.AsArray().Count == 0, result.ToJsonString());
        return result;
    }

    private static JsonObject Rep(string id, string name, string territory, double availability, double latitude) => new()
    {
        ["id"] = id, ["name"] = name, ["territoryId"] = territory, ["role"] = "inside", ["availability"] = availability,
        ["home"] = new JsonObject { ["latitude"] = latitude, ["longitude"] = -90.0 },
    };

    private static JsonObject Account(string id, string territory, string owner, double latitude) => new()
    {
        ["id"] = id, ["name"] = $"Account {id}", ["territoryId"] = territory, ["ownerRepId"] = owner, ["segment"] = "c",
        ["industry"] = "Retail", ["city"] = territory, ["annualRevenue"] = 10000.0, ["annualCostToServe"] = 1000.0,
        ["location"] = new JsonObject { ["latitude"] = latitude + 0.01 * (id.GetHashCode() % 10), ["longitude"] = -90.1 },
    };

    private static JsonObject Event(string id, string kind, string account, string rep, DateTimeOffset at, string? reference = null) => new()
    {
        ["id"] = id, ["kind"] = kind, ["accountId"] = account, ["repId"] = rep, ["occurredAt"] = at.ToString("O"), ["referenceId"] = reference,
    };
}
