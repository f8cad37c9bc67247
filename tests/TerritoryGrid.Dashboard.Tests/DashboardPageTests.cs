using System.Net.Http.Json;
using Microsoft.Playwright;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DashboardPageTests(DashboardServer server, BrowserFixture browser) : IDisposable
{
    /// <summary>The page runs under the server's Content-Security-Policy: any violation fails the test.</summary>
    private readonly List<string> policyViolations = [];

    public void Dispose() => Assert.Empty(policyViolations);

    /// <param name="prepare">What to set on the page before it loads (e.g. a route for its WebSocket).</param>
    private async Task<IPage> OpenAsync(string workspace, Func<IPage, Task>? prepare = null)
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1100 } });
        page.SetDefaultTimeout(15_000);
        if (prepare is not null)
        {
            await prepare(page);
        }

        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                policyViolations.Add(message.Text);
            }
        };
        await page.GotoAsync(new Uri(server.Address, $"/?workspace={workspace}").ToString());
        await SignInAsync(page, TestKeys.Viewer);
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("connected");
        return page;
    }

    private static async Task SignInAsync(IPage page, string key)
    {
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await page.Locator("#api-key").FillAsync(key);
        await page.Locator("#sign-in button[type=submit]").ClickAsync();
    }

    [Fact]
    public async Task SignIn_RefusesAnUnknownKey_ThenAViewerKeyOpensTheDashboard_AndSignOutEndsIt()
    {
        var page = await browser.Browser.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        await page.GotoAsync(server.Address.ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("connecting");

        await SignInAsync(page, "tg_not-a-key");
        await Assertions.Expect(page.Locator("#sign-in-error")).ToHaveTextAsync("the API key is not known (revoked, or mistyped)");

        await SignInAsync(page, TestKeys.Viewer);
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("connected");
        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("test viewer · viewer");

        await page.Locator("#sign-out").ClickAsync();
        await Assertions.Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    /// <summary>
    /// How many opaque pixels of a colour the map's upper half holds: north's accounts lie five degrees north of
    /// south's, so the fitted map puts them there, and a status colour there is north's dots and centre.
    /// </summary>
    private const string NorthOfTheMapIn = """
        ((hex) => {
          const canvas = document.getElementById('map');
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height / 2).data;
          const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
          let count = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) count++;
          return count;
        })
        """;

    [Fact]
    public async Task LeadWave_TurnsABalancedTerritoryUnderServed_LiveWithTheAlertTheNumbersAndTheMap()
    {
        const string workspace = "browser-flip";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        await Scenario.PostAsync(server.Http, workspace, Scenario.Served());
        var page = await OpenAsync(workspace);
        var north = page.Locator("#territories tbody tr[data-id='north']");
        await Assertions.Expect(north.Locator(".status")).ToHaveTextAsync("balanced");
        await Assertions.Expect(north.Locator("td").Nth(2)).ToHaveTextAsync("1.20");
        await page.WaitForFunctionAsync($"() => ({NorthOfTheMapIn}('#2e7d32')) > 0 && ({NorthOfTheMapIn}('#c0392b')) === 0");

        await Scenario.PostAsync(server.Http, workspace, Scenario.LeadWave());

        await Assertions.Expect(north.Locator(".status")).ToHaveTextAsync("under-served");
        await Assertions.Expect(north.Locator("td").Nth(2)).ToHaveTextAsync("0.35");
        await page.WaitForFunctionAsync($"() => ({NorthOfTheMapIn}('#c0392b')) > 0 && ({NorthOfTheMapIn}('#2e7d32')) === 0");
        var alert = page.Locator("#alerts li").First;
        try
        {
            await Assertions.Expect(alert).ToContainTextAsync("North balanced → under-served");
            await Assertions.Expect(alert).ToContainTextAsync("coverage 0.35 < 0.90: 1 rep (3 capacity hours/week) for 9 demand hours/week");
        }
        catch (PlaywrightException missing)
        {
            // Whether the territory recorded the change tells a change not announced from an announcement not shown.
            var detail = await server.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/workspaces/{workspace}/territories/north");
            throw new Xunit.Sdk.XunitException($"alerts shown: '{await page.Locator("#alerts").InnerTextAsync()}'\n" +
                $"north's recorded changes: {detail!["statusHistory"]?.ToJsonString()}\n{missing.Message}");
        }

        await north.ClickAsync();
        await Assertions.Expect(page.Locator("#drill-title")).ToHaveTextAsync("North — under-served");
        await page.Locator("#reps tbody tr[data-id='nora']").ClickAsync();
        await Assertions.Expect(page.Locator("#rep-title")).ToHaveTextAsync("Nora North's accounts");
        await Assertions.Expect(page.Locator("#accounts tbody tr")).ToHaveCountAsync(40);
        await Assertions.Expect(page.Locator("#accounts tbody tr[data-id='n30'] td").Nth(2)).ToHaveTextAsync("2 / 1.0");

        // The open drill-down follows the activity too: its reps and the open rep's accounts are read again.
        await Scenario.PostAsync(server.Http, workspace, Scenario.Order("live-order", "n30", "nora", Scenario.Today.AddDays(-1).AddHours(13), 500));
        await Assertions.Expect(page.Locator("#accounts tbody tr[data-id='n30'] td").Nth(5)).ToHaveTextAsync("$500");
    }

    [Fact]
    public async Task ADroppedConnection_Reconnects_RereadsWhatChangedMeanwhile_AndAlertsTheChangeItMissed()
    {
        const string workspace = "browser-reconnect";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        await Scenario.PostAsync(server.Http, workspace, Scenario.Served());
        // The page's hub connection goes through routes the test can cut and hold cut, like a network drop would: its
        // WebSocket, and the negotiation and fallback transports a refused WebSocket would otherwise turn to.
        var refusing = false;
        var sockets = new List<(IWebSocketRoute Page, IWebSocketRoute Server)>();
        var hub = new System.Text.RegularExpressions.Regex("/hubs/territories");
        var page = await OpenAsync(workspace, async opening =>
        {
            await opening.RouteAsync(hub, route => Volatile.Read(ref refusing) ? route.AbortAsync("internetdisconnected") : route.ContinueAsync());
            await opening.RouteWebSocketAsync(hub, socket =>
            {
                if (Volatile.Read(ref refusing))
                {
                    _ = socket.CloseAsync(new WebSocketRouteCloseOptions { Code = 1011, Reason = "network down (test)" });
                    return;
                }

                lock (sockets)
                {
                    sockets.Add((socket, socket.ConnectToServer()));
                }
            });
        });
        var north = page.Locator("#territories tbody tr[data-id='north']");
        await Assertions.Expect(north.Locator(".status")).ToHaveTextAsync("balanced");
        await page.WaitForFunctionAsync($"() => ({NorthOfTheMapIn}('#2e7d32')) > 0");

        Volatile.Write(ref refusing, true);
        (IWebSocketRoute Page, IWebSocketRoute Server)[] open;
        lock (sockets)
        {
            open = [.. sockets];
        }

        foreach (var (pageSide, serverSide) in open)
        {
            await serverSide.CloseAsync();
            await pageSide.CloseAsync(new WebSocketRouteCloseOptions { Code = 1001, Reason = "network down (test)" });
        }

        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("reconnecting");
        await Scenario.PostAsync(server.Http, workspace, Scenario.LeadWave());
        await WaitForStatusAsync(workspace, "north", "underServed");
        await Task.Delay(TimeSpan.FromSeconds(1)); // past the settle delay: the change has been announced, to no one
        await Assertions.Expect(north.Locator(".status")).ToHaveTextAsync("balanced");
        Volatile.Write(ref refusing, false);

        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("connected", new() { Timeout = 30_000 });
        await Assertions.Expect(north.Locator(".status")).ToHaveTextAsync("under-served");
        await Assertions.Expect(north.Locator("td").Nth(2)).ToHaveTextAsync("0.35");
        await page.WaitForFunctionAsync($"() => ({NorthOfTheMapIn}('#c0392b')) > 0 && ({NorthOfTheMapIn}('#2e7d32')) === 0");
        var alerts = page.Locator("#alerts li", new() { HasText = "North" });
        await Assertions.Expect(alerts).ToHaveCountAsync(1);
        await Assertions.Expect(alerts).ToContainTextAsync("North balanced → under-served");
        await Assertions.Expect(alerts).ToContainTextAsync("coverage 0.35 < 0.90");
    }

    private async Task WaitForStatusAsync(string workspace, string territory, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string? seen = null;
        while (DateTime.UtcNow < deadline)
        {
            var detail = await server.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>($"/api/workspaces/{workspace}/territories/{territory}");
            seen = (string?)detail!["territory"]!["status"];
            if (seen == status)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"{territory} stayed {seen}, not {status}, for 15 s");
    }

    [Fact]
    public async Task Money_IsShownInTheWorkspacesCurrency_AndTheDrillDownShowsTheFiscalQuarter()
    {
        const string workspace = "browser-currency";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        var settings = await server.Http.PutAsJsonAsync($"/api/workspaces/{workspace}/settings", new { currency = "EUR" });
        Assert.True(settings.IsSuccessStatusCode, await settings.Content.ReadAsStringAsync());
        await Scenario.PostAsync(server.Http, workspace, Scenario.Order("o1", "n30", "nora", Scenario.Today, 1234));
        var page = await OpenAsync(workspace);
        var north = page.Locator("#territories tbody tr[data-id='north']");

        await Assertions.Expect(north.Locator("td").Nth(4)).ToHaveTextAsync("€1,234");
        await north.ClickAsync();
        await Assertions.Expect(page.Locator("#drill-fiscal")).ToContainTextAsync($"FY{Scenario.Today.Year}-Q{((Scenario.Today.Month - 1) / 3) + 1}: no quota");
        await Assertions.Expect(page.Locator("#drill-fiscal")).ToContainTextAsync($"FY{Scenario.Today.Year} revenue to date €1,234");
    }

    [Fact]
    public async Task Departure_MarksTheRepsAccountsOrphaned_AndTheDrillDownSaysWhyTheTerritoryIsUnderServed()
    {
        const string workspace = "browser-orphans";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        var departure = new System.Text.Json.Nodes.JsonObject { ["repId"] = "sam", ["kind"] = "departure", ["effectiveAt"] = Scenario.Today.AddDays(-5).ToString("O") };
        Assert.True((await server.Http.PostAsync($"/api/workspaces/{workspace}/roster",
            System.Net.Http.Json.JsonContent.Create(new System.Text.Json.Nodes.JsonArray(departure)))).IsSuccessStatusCode);
        await Scenario.PostAsync(server.Http, workspace, Scenario.SouthCalls());
        var page = await OpenAsync(workspace);

        await page.Locator("#territories tbody tr[data-id='south']").ClickAsync();

        await Assertions.Expect(page.Locator("#drill-reason")).ToContainTextAsync("5 orphaned accounts (owner left, not reassigned): s0, s1, s2, s3, s4");
        await page.Locator("#reps tbody tr[data-id='sam']").ClickAsync();
        await Assertions.Expect(page.Locator("#accounts tbody tr .badge.orphaned")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#accounts tbody tr[data-id='s0'] td").First).ToHaveTextAsync("Account s0 orphaned");
    }

    [Fact]
    public async Task AsOf_ShowsAPastDayAndSaysSo_LiveFramesDoNotOverwriteIt_AndBackToLiveShowsNow()
    {
        const string workspace = "browser-as-of";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        await Scenario.PostAsync(server.Http, workspace, Scenario.Served());
        await Scenario.PostAsync(server.Http, workspace, Scenario.LeadWave());
        var page = await OpenAsync(workspace);
        var north = page.Locator("#territories tbody tr[data-id='north']");
        await Assertions.Expect(north.Locator(".status")).ToHaveTextAsync("under-served");

        // The day before the lead wave: north was balanced.
        var before = Scenario.Today.AddDays(-3).ToString("yyyy-MM-dd");
        await page.Locator("#as-of").FillAsync(before);

        // South has had no activity, so its event time never reached that day: the page names it rather than guess.
        await Assertions.Expect(page.Locator("#as-of-banner")).ToHaveTextAsync(
            $"Showing the end of {before} (event time, UTC), a past day: live updates are paused. No figures recorded for that day: south.");
        await Assertions.Expect(north.Locator(".status")).ToHaveTextAsync("balanced");
        await Assertions.Expect(north.Locator("td").Nth(2)).ToHaveTextAsync("1.20");
        await Assertions.Expect(page.Locator("#watermark")).ToHaveTextAsync($"end of {before} (event time)");
        Assert.Contains($"asOf={before}", page.Url);

        // Live activity goes on; its frames reach the page and leave the past day as it was.
        var frames = await page.EvaluateAsync<int>("() => window.territoryGridTelemetry.framesWhilePast");
        await Scenario.PostAsync(server.Http, workspace, Scenario.Order("big-order", "n00", "nora", Scenario.Today.AddDays(-1).AddHours(13), 999));
        await page.WaitForFunctionAsync($"() => window.territoryGridTelemetry.framesWhilePast > {frames}");
        await Assertions.Expect(north.Locator("td").Nth(4)).ToHaveTextAsync("$0");
        await Assertions.Expect(north.Locator(".status")).ToHaveTextAsync("balanced");

        await north.ClickAsync();
        await Assertions.Expect(page.Locator("#drill-title")).ToHaveTextAsync("North — balanced");
        await Assertions.Expect(page.Locator("#drill-past")).ToHaveTextAsync($"At the end of {before}. Reps are not kept per day: go back to live to see them.");
        await Assertions.Expect(page.Locator("#reps tbody tr")).ToHaveCountAsync(0);

        await page.Locator("#as-of-live").ClickAsync();

        await Assertions.Expect(page.Locator("#as-of-banner")).ToBeHiddenAsync();
        await Assertions.Expect(north.Locator(".status")).ToHaveTextAsync("under-served");
        await Assertions.Expect(north.Locator("td").Nth(4)).ToHaveTextAsync("$999");
        await Assertions.Expect(page.Locator("#drill-title")).ToHaveTextAsync("North — under-served");
        await Assertions.Expect(page.Locator("#reps tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AsOf_ADayWithNoFiguresSaysWhy()
    {
        const string workspace = "browser-as-of-none";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company());
        await Scenario.PostAsync(server.Http, workspace, Scenario.Served());
        var page = await OpenAsync(workspace);
        var future = Scenario.Today.AddDays(30).ToString("yyyy-MM-dd");

        await page.Locator("#as-of").FillAsync(future);

        await Assertions.Expect(page.Locator("#as-of-banner")).ToContainTextAsync($"no territory has figures recorded for the end of {future}");
        await Assertions.Expect(page.Locator("#territories tbody tr")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ALongTerritoryList_DrawsOnlyTheRowsInView_AndScrollingBringsTheRestWithTheirFigures()
    {
        const string workspace = "browser-many";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.ManyTerritories(300));
        await Scenario.PostAsync(server.Http, workspace, Scenario.Order("last-order", "a299", "r299", Scenario.Today.AddHours(-3), 4321));
        var page = await OpenAsync(workspace);

        await Assertions.Expect(page.Locator("#territories")).ToHaveAttributeAsync("data-territories", "300");
        await page.Locator("#territories th[data-sort='name']").ClickAsync();
        // The sort is drawn on the next animation frame: until then the status order, which may draw t299, still shows.
        await Assertions.Expect(page.Locator("#territories tbody tr[data-id='t299']")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#territories tbody tr[data-id='t000']")).ToBeVisibleAsync();
        var drawn = await page.Locator("#territories tbody tr[data-id]").CountAsync();
        Assert.InRange(drawn, 10, 80);

        await page.Locator("#territory-scroll").EvaluateAsync("box => box.scrollTop = box.scrollHeight");

        var last = page.Locator("#territories tbody tr[data-id='t299']");
        await Assertions.Expect(last).ToBeVisibleAsync();
        await Assertions.Expect(last.Locator("td").Nth(4)).ToHaveTextAsync("$4,321");
        await Assertions.Expect(page.Locator("#territories tbody tr[data-id='t000']")).ToHaveCountAsync(0);
        await last.ClickAsync();
        await Assertions.Expect(page.Locator("#drill-title")).ToContainTextAsync("Territory 299");
    }

    [Fact]
    public async Task TerritoryNamedWithMarkup_ShowsTheMarkupAsText()
    {
        const string workspace = "browser-xss";
        const string hostile = "<img src=x onerror=alert(1)>";
        await Scenario.LoadAsync(server.Http, workspace, Scenario.Company(northName: hostile));
        var page = await OpenAsync(workspace);
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await Assertions.Expect(page.Locator("#territories tbody tr[data-id='north'] td").First).ToHaveTextAsync(hostile);

        Assert.Equal(0, await page.Locator("#territories img").CountAsync());
        Assert.Equal(0, dialogs);
    }
}
