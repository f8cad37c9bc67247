using System.Text.Json;
using Microsoft.Playwright;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// The real dashboard page in Debian's headless Chromium, driven by Playwright (never a downloaded browser), read
/// through the page's own render telemetry and the DevTools protocol's performance metrics.
/// </summary>
internal sealed class DashboardBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;
    private readonly IPage page;
    private readonly ICDPSession devTools;
    private int frameCursor;
    private int renderCursor;
    private ICDPSession? trace;

    private DashboardBrowser(IPlaywright playwright, IBrowser browser, IPage page, ICDPSession devTools)
    {
        this.playwright = playwright;
        this.browser = browser;
        this.page = page;
        this.devTools = devTools;
        page.Crash += (_, _) => Problems.Add("the page's renderer crashed");
        page.PageError += (_, error) =>
        {
            // The SignalR client raises the lost socket as an unhandled rejection too: counted once, as a drop.
            if (!error.Contains("WebSocket closed with status code", StringComparison.Ordinal))
            {
                Problems.Add($"page error: {error}");
            }
        };
        page.Console += (_, message) =>
        {
            // A dropped connection is a finding of its own (the page reconnects and re-reads); a failed request is
            // reported by the response handler, with its address.
            if (message.Type == "error" && message.Text.Contains("Connection disconnected with error", StringComparison.Ordinal))
            {
                Drops++;
            }
            else if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Problems.Add($"console error: {message.Text}");
            }
        };
        page.Response += (_, response) =>
        {
            // Chromium asks every site for a favicon; the dashboard has none and that is not a fault of the page.
            // Nor is the 401 of the page asking who is signed in before the sign-in.
            var expected = response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)
                || (response.Status == 401 && response.Url.EndsWith("/api/session", StringComparison.Ordinal) && response.Request.Method == "GET");
            if (response.Status >= 400 && !expected)
            {
                Problems.Add($"{response.Status} for {response.Url}");
            }
        };
    }

    /// <summary>Times the page's SignalR connection was lost (each time it reconnected and re-read the snapshot).</summary>
    public int Drops { get; private set; }

    /// <summary>Errors the page raised or logged (a Content-Security-Policy violation is one).</summary>
    public List<string> Problems { get; } = [];

    public string Version => browser.Version;

    /// <summary>What became of raising the browser's scheduling priority.</summary>
    public string Priority { get; private set; } = "not raised";

    /// <summary>Per frame, as the page recorded it: ms from arrival to DOM, and territories carried.</summary>
    public List<(double Ms, int Territories, double At)> Frames { get; } = [];

    /// <summary>When the benchmark read the page (its clock, performance.now()), to tell a slow frame caused by the reading.</summary>
    public List<double> Reads { get; } = [];

    /// <summary>Per render, ms of the render's own work.</summary>
    public List<double> Renders { get; } = [];

    /// <summary>Samples lost because the page's ring overwrote them before they were read.</summary>
    public long Overwritten { get; private set; }

    /// <summary>Playwright's driver and Chromium, started: begun before the server starts, so the two start together.</summary>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Keeps Chromium from reaching for Google's services on a closed network (as the browser tests do).
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (playwright, browser);
    }

    /// <summary>The dashboard of <paramref name="workspace"/> in a page of <paramref name="launched"/>, signed in and showing its territories.</summary>
    public static async Task<DashboardBrowser> OpenAsync(
        (IPlaywright Playwright, IBrowser Browser) launched, Uri address, string workspace, int territories, bool ownCore = false)
    {
        var (playwright, browser) = launched;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1100 } });
        var devTools = await page.Context.NewCDPSessionAsync(page);
        await devTools.SendAsync("Performance.enable");
        var opened = new DashboardBrowser(playwright, browser, page, devTools);
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync(new Uri(address, $"/?workspace={workspace}").ToString());
        // Signs in as a user does: the key once, then the session cookie.
        await page.Locator("#api-key").FillAsync(BenchHost.Key);
        await page.Locator("#sign-in button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("connected", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#territories")).ToHaveAttributeAsync("data-territories", territories.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 120_000 });
        opened.Priority = BrowserPriority.Raise() + (ownCore ? $"; {BrowserPriority.GiveOwnCore()}" : "");
        return opened;
    }

    /// <summary>Starts a Chromium performance trace of the browser (see <see cref="PageTrace"/>).</summary>
    public async Task StartTraceAsync() => trace = await PageTrace.StartAsync(browser);

    /// <summary>Ends the trace, writes it to <paramref name="path"/> and says what the page's long tasks held.</summary>
    public async Task<string> StopTraceAsync(string path)
    {
        await PageTrace.StopAsync(trace ?? throw new InvalidOperationException("no trace was started"), path);
        return PageTrace.Summarise(path);
    }

    /// <summary>The territories the table lists (it draws only those in its scroll box).</summary>
    public async Task<int> RowsAsync() => int.Parse(await page.Locator("#territories").GetAttributeAsync("data-territories") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The page's counters; also moves every new per-frame and per-render sample into <see cref="Frames"/> and <see cref="Renders"/>.</summary>
    public async Task<PageCounters> ReadAsync()
    {
        var read = await page.EvaluateAsync<JsonElement>(
            """
            ([frameFrom, renderFrom]) => {
              const t = window.territoryGridTelemetry;
              const ring = (array, from, to) => { const out = []; for (let i = Math.max(from, to - t.capacity); i < to; i++) out.push(array[i % t.capacity]); return out; };
              return {
                framesReceived: t.framesReceived, framesRendered: t.framesRendered, territoriesReceived: t.territoriesReceived,
                renders: t.renders, longTasks: t.longTasks, longTaskMs: t.longTaskMs, capacity: t.capacity,
                frameMs: ring(t.frameMs, frameFrom, t.framesRendered), frameTerritories: ring(t.frameTerritories, frameFrom, t.framesRendered),
                frameAt: ring(t.frameAt, frameFrom, t.framesRendered), now: performance.now(),
                renderMs: ring(t.renderMs, renderFrom, t.renders),
              };
            }
            """, new[] { frameCursor, renderCursor });
        var counters = new PageCounters(
            read.GetProperty("framesReceived").GetInt64(), read.GetProperty("framesRendered").GetInt64(),
            read.GetProperty("territoriesReceived").GetInt64(), read.GetProperty("renders").GetInt64(),
            read.GetProperty("longTasks").GetInt64(), read.GetProperty("longTaskMs").GetDouble());
        var frameMs = read.GetProperty("frameMs").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var frameTerritories = read.GetProperty("frameTerritories").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var frameAt = read.GetProperty("frameAt").EnumerateArray().Select(e => e.GetDouble());
        Frames.AddRange(frameMs.Zip(frameTerritories, frameAt));
        Reads.Add(read.GetProperty("now").GetDouble());
        Renders.AddRange(read.GetProperty("renderMs").EnumerateArray().Select(e => e.GetDouble()));
        Overwritten += counters.FramesRendered - frameCursor - frameMs.Count;
        frameCursor = (int)counters.FramesRendered;
        renderCursor = (int)counters.Renders;
        return counters;
    }

    /// <summary>
    /// The tab's memory and main-thread time: JS heap in use as it stands and, if asked (never while frames are timed:
    /// a forced collection stalls the page), again right after a full garbage collection, which is what the page keeps.
    /// </summary>
    public async Task<BrowserSample> SampleAsync(double seconds, bool collectGarbage)
    {
        var before = await MetricsAsync();
        var after = before;
        if (collectGarbage)
        {
            await devTools.SendAsync("HeapProfiler.collectGarbage");
            after = await MetricsAsync();
        }

        return new BrowserSample(seconds, before["JSHeapUsedSize"], collectGarbage ? after["JSHeapUsedSize"] : double.NaN, (long)after["Nodes"],
            before["TaskDuration"], before["ScriptDuration"], before["LayoutDuration"] + before["RecalcStyleDuration"]);
    }

    private async Task<Dictionary<string, double>> MetricsAsync()
    {
        var result = await devTools.SendAsync("Performance.getMetrics");
        return result!.Value.GetProperty("metrics").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble());
    }

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}

internal sealed record PageCounters(long FramesReceived, long FramesRendered, long TerritoriesReceived, long Renders, long LongTasks, double LongTaskMs);

/// <summary>One sample of the tab: seconds into the stream, heap in bytes (as is, and after a GC or NaN), DOM nodes, cumulative main-thread seconds.</summary>
internal sealed record BrowserSample(double Seconds, double HeapUsed, double HeapRetained, long Nodes, double TaskSeconds, double ScriptSeconds, double StyleLayoutSeconds);
