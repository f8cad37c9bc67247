using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TerritoryGrid.Server.Hosting;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Dashboard.Tests;

/// <summary>
/// While the server warms up after a restart (accounts reporting the activity logged before it again), live figures
/// may leave some of it out: the listing and the alignment say so, and so does the dashboard, until it is over. The
/// warm-up itself is the durability tests' (a real restart); here the server's own recovery state is set and cleared
/// so the page can be watched through both.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class RecoveryNoticeTests(DashboardServer server, BrowserFixture browser)
{
    private const string Workspace = "recovering";

    [Fact]
    public async Task WhileTheServerRecovers_TheListingAlignmentAndDashboardSaySo_AndTheNoticeGoesOnceItHasRecovered()
    {
        await Scenario.LoadAsync(server.Http, Workspace, Scenario.Company());
        await Scenario.PostAsync(server.Http, Workspace, Scenario.Served());
        var recovery = server.Services.GetRequiredService<RecoveryState>();
        Assert.False(await ListingSaysRecoveringAsync());

        recovery.Begin();
        try
        {
            Assert.True(await ListingSaysRecoveringAsync());
            Assert.True(await AlignmentSaysRecoveringAsync());
            var ready = await server.Http.GetAsync("/health/ready");
            Assert.Contains("recovering", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var page = await browser.Browser.NewPageAsync();
            page.SetDefaultTimeout(15_000);
            await page.GotoAsync(new Uri(server.Address, $"/?workspace={Workspace}").ToString());
            await page.Locator("#api-key").FillAsync(TestKeys.Viewer);
            await page.Locator("#sign-in button[type=submit]").ClickAsync();
            var notice = page.Locator("#recovery-banner");
            await Assertions.Expect(notice).ToBeVisibleAsync();
            await Assertions.Expect(notice).ToContainTextAsync("recovering after a restart");
            await Assertions.Expect(page.Locator("#territories tbody tr")).ToHaveCountAsync(2);

            recovery.End();
            // The page learns it from the alignment it polls every 5 s.
            await Assertions.Expect(notice).ToBeHiddenAsync(new() { Timeout = 15_000 });
            await page.CloseAsync();
        }
        finally
        {
            recovery.End();
        }

        Assert.False(await ListingSaysRecoveringAsync());
        Assert.False(await AlignmentSaysRecoveringAsync());
    }

    private async Task<bool> ListingSaysRecoveringAsync() =>
        (bool)(await server.Http.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories"))!["recovering"]!;

    private async Task<bool> AlignmentSaysRecoveringAsync() =>
        (bool)(await server.Http.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/alignment"))!["recovering"]!;
}
