using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Testing;
using static TerritoryGrid.Server.Tests.Plans.PlanCompany;

namespace TerritoryGrid.Server.Tests.Plans;

/// <summary>
/// A stress test through the API, on the server's own cluster: today's alignment and a plan meet the same season in
/// sandboxes of their own; the comparison comes back as JSON, CSV and a page, and the live company is untouched.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class StressTestApiTests(ServerFixture server)
{
    private const string Workspace = "stress-api";

    [Fact]
    public async Task AStressTest_ComparesTodaysAlignmentWithThePlan_InSandboxes()
    {
        using var planner = server.CreateClient();
        planner.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Planner);
        Assert.True((await planner.PutAsJsonAsync($"/api/workspaces/{Workspace}/company", Create())).IsSuccessStatusCode);
        var moves = new JsonArray([.. Enumerable.Range(0, 30).Select(a => (JsonNode)new JsonObject
        {
            ["kind"] = "moveAccount", ["accountId"] = Account(0, a), ["toRepId"] = Rep(1, 1),
        })]);
        var drafted = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/plans", new JsonObject { ["name"] = "Thirty to t1", ["moves"] = moves });
        var planId = (await drafted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var scenario = JsonNode.Parse("""
            { "name": "Three quiet weeks", "seed": 11, "company": { "territories": 2, "reps": 4, "accounts": 50 },
              "period": { "start": "2026-01-05", "weeks": 3 } }
            """);

        var started = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/stress-tests", new JsonObject { ["scenario"] = scenario, ["planIds"] = new JsonArray(planId) });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var location = started.Headers.Location!.ToString();
        JsonObject test;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(250);
            test = (await planner.GetFromJsonAsync<JsonObject>(location))!;
        }
        while (test["status"]!.GetValue<string>() is "queued" or "running" && DateTime.UtcNow < deadline);

        Assert.True(test["status"]!.GetValue<string>() == "done", test.ToJsonString());
        var figures = test["figures"]!.AsArray();
        Assert.Equal(["baseline", $"{planId}: Thirty to t1"], figures.Select(f => f!["variant"]!.GetValue<string>()));
        Assert.Equal(0, figures[0]!["accountsMoved"]!.GetValue<int>());
        Assert.Equal(30, figures[1]!["accountsMoved"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(0, 30).Sum(a => 1_000.0 * (a + 1)), figures[1]!["accountValueMoved"]!.GetValue<double>());
        Assert.True(figures[0]!["events"]!.GetValue<long>() > 0);

        var csv = await planner.GetStringAsync($"{location}/comparison.csv");
        Assert.StartsWith("alignment,territoryWeeksUnderServed,", csv);
        Assert.Equal(3, csv.Trim().Split('\n').Length);
        var page = await planner.GetAsync($"{location}/comparison.html");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<style", html);
        Assert.Contains("/css/stress-report.css", html);

        // Each alignment ran in its own sandbox; the workspace the plans are for saw none of the season.
        var sandboxes = test["workspaces"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Equal([$"{Workspace}-{test["id"]}-0", $"{Workspace}-{test["id"]}-1"], sandboxes);
        var moved = await planner.GetFromJsonAsync<JsonObject>($"/api/workspaces/{sandboxes[1]}/accounts/{Account(0, 0)}");
        Assert.Equal("t1", moved!["account"]!["territoryId"]!.GetValue<string>());
        var own = await planner.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories");
        Assert.Equal(0, own!["territories"]!.AsArray().Sum(t => t!["totals"]!["events"]!.GetValue<long>()));
    }

    [Fact]
    public async Task AStressTestNamingAnUnknownPlan_IsRefused()
    {
        using var planner = server.CreateClient();
        Assert.True((await planner.PutAsJsonAsync($"/api/workspaces/{Workspace}-b/company", Create())).IsSuccessStatusCode);
        var scenario = JsonNode.Parse("""{ "name": "x", "seed": 1, "company": {}, "period": { "start": "2026-01-05", "weeks": 1 } }""");

        var response = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}-b/stress-tests", new JsonObject { ["scenario"] = scenario, ["planIds"] = new JsonArray("plan-404") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("planIds: no plan 'plan-404' in workspace 'stress-api-b'", await response.Content.ReadAsStringAsync());
    }
}
