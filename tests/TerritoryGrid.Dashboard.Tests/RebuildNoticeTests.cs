using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Dashboard.Tests;

/// <summary>
/// While a workspace's metrics are rebuilt from the stored activity, the dashboard says so, with the progress; the
/// notice goes when the rebuild is done. An embedded (SQLite) server of its own, its replay slowed to 4 records a
/// second so the rebuild lasts long enough to be seen.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class RebuildNoticeTests(BrowserFixture browser) : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("territorygrid-rebuild-page-").FullName;

    [Fact]
    public async Task ADashboardShowsARebuildUnderWayWithItsProgress_AndNoNoticeOnceItIsDone()
    {
        using var server = new EmbeddedServer(dataDirectory);
        using var http = TestKeys.Client(server.Address);
        await Scenario.LoadAsync(http, "live", Scenario.Company());
        foreach (var served in Scenario.Served().Chunk(2))
        {
            await Scenario.PostAsync(http, "live", new([.. served.Select(e => e!.DeepClone())]));
        }

        var start = await http.PostAsync("/api/workspaces/live/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);

        var page = await browser.Browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(server.Address.ToString());
        await page.Locator("#api-key").FillAsync(TestKeys.Viewer);
        await page.Locator("#sign-in button[type=submit]").ClickAsync();

        var banner = page.Locator("#rebuild-banner");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("Rebuilding metrics from the stored activity");
        await Assertions.Expect(banner).ToContainTextAsync("log records replayed, started by");
        await Assertions.Expect(banner).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await page.CloseAsync();
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);

    private sealed class EmbeddedServer(string dataDirectory) : TestServer(kestrel: true)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:Provider", "Sqlite");
            builder.UseSetting("Storage:DataDirectory", dataDirectory);
            builder.UseSetting("Rebuild:RecordsPerSecond", "4");
        }
    }
}
