using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Dashboard.Tests;

/// <summary>The plans panel: a planner sees the workspace's plans and a stress test's comparison; a viewer does not.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PlansPanelTests(DashboardServer server, BrowserFixture browser)
{
    private const string Workspace = "browser-plans";

    private async Task<IPage> SignedInAsync(string workspace, string key, TimeSpan? timeout = null, ViewportSize? viewport = null)
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport });
        page.SetDefaultTimeout((float)(timeout ?? TimeSpan.FromSeconds(15)).TotalMilliseconds);
        await page.GotoAsync(new Uri(server.Address, $"/?workspace={workspace}").ToString());
        await page.Locator("#api-key").FillAsync(key);
        await page.Locator("#sign-in button[type=submit]").ClickAsync();
        return page;
    }

    [Fact]
    public async Task APlannerSeesThePlanAndTheStressTestComparison_AViewerSeesNoPanel()
    {
        await Scenario.LoadAsync(server.Http, Workspace, Scenario.Company());
        using var planner = TestKeys.Client(server.Address, TestKeys.Planner);
        var moves = new JsonArray([.. Enumerable.Range(0, 3).Select(i => (JsonNode)new JsonObject
        {
            ["kind"] = "moveAccount", ["accountId"] = $"n{i:D2}", ["toRepId"] = "sam",
        })]);
        var drafted = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/plans", new JsonObject { ["name"] = "Three to Sam", ["moves"] = moves });
        var planId = (await drafted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var scenario = JsonNode.Parse("""{ "name": "Two weeks", "seed": 5, "company": {}, "period": { "start": "2026-01-05", "weeks": 2 } }""");
        var started = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/stress-tests", new JsonObject { ["scenario"] = scenario, ["planIds"] = new JsonArray(planId) });
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());

        var page = await SignedInAsync(Workspace, TestKeys.Planner, TimeSpan.FromSeconds(60), new ViewportSize { Width = 1500, Height = 1400 });

        await Assertions.Expect(page.Locator($"#plan-list tbody tr[data-id='{planId}'] td").Nth(1)).ToHaveTextAsync("Three to Sam");
        var comparison = page.Locator("#stress-tests li .stress-comparison");
        // The test runs in the background; the panel follows it until it is done.
        await Assertions.Expect(comparison.Locator("thead th").Nth(2)).ToHaveTextAsync($"{planId}: Three to Sam", new() { Timeout = 90_000 });
        var moved = comparison.Locator("tbody tr", new LocatorLocatorOptions { HasText = "Accounts moved" });
        await Assertions.Expect(moved.Locator("td").Nth(1)).ToHaveTextAsync("0");
        await Assertions.Expect(moved.Locator("td").Nth(2)).ToHaveTextAsync("3");
        await page.CloseAsync();

        var viewer = await SignedInAsync(Workspace, TestKeys.Viewer);
        await Assertions.Expect(viewer.Locator("#connection")).ToHaveTextAsync("connected");
        await Assertions.Expect(viewer.Locator("#territories tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(viewer.Locator("#plans")).ToBeHiddenAsync();
        await viewer.CloseAsync();
    }

    [Fact]
    public async Task APlanAppliedLive_ReachesAnOpenPage_WhichRereadsItsTerritoriesAndMap()
    {
        const string workspace = "browser-realign";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        using var planner = TestKeys.Client(server.Address, TestKeys.Planner);
        using var admin = TestKeys.Client(server.Address, TestKeys.Admin);
        var page = await SignedInAsync(workspace, TestKeys.Viewer);
        await Assertions.Expect(page.Locator("#map-alignment")).ToHaveTextAsync("Accounts as loaded.");
        var maps = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith($"/{workspace}/map", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref maps);
            }
        };

        var moves = new JsonArray([.. Enumerable.Range(0, 3).Select(i => (JsonNode)new JsonObject
        {
            ["kind"] = "moveAccount", ["accountId"] = $"n{i:D2}", ["toRepId"] = "sam",
        })]);
        var drafted = await planner.PostAsJsonAsync($"/api/workspaces/{workspace}/plans", new JsonObject { ["name"] = "Three to Sam", ["moves"] = moves });
        Assert.True(drafted.IsSuccessStatusCode, await drafted.Content.ReadAsStringAsync());
        var planId = (await drafted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var approved = await admin.PostAsync($"/api/workspaces/{workspace}/plans/{planId}/approve", null);
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        var scheduled = await planner.PostAsync($"/api/workspaces/{workspace}/plans/{planId}/schedule?effectiveAt={Uri.EscapeDataString(Scenario.Today.ToString("O"))}", null);
        Assert.True(scheduled.IsSuccessStatusCode, await scheduled.Content.ReadAsStringAsync());
        var applied = await admin.PostAsync($"/api/workspaces/{workspace}/plans/{planId}/apply", null);
        Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());

        await Assertions.Expect(page.Locator("#map-alignment")).ToHaveTextAsync($"Accounts as aligned by plan {planId} (alignment 1).", new() { Timeout = 20_000 });
        Assert.Equal(1, Volatile.Read(ref maps));
        await page.CloseAsync();
    }
}
