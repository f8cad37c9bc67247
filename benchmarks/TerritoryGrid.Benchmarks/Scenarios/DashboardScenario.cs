using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TerritoryGrid.Benchmarks.Reporting;
using TerritoryGrid.Domain;
using TerritoryGrid.Server.Dashboard;
using static TerritoryGrid.Benchmarks.Reporting.CountCheck;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 6, dashboard under load: the real dashboard page in headless Chromium on a 1,000-territory company while
/// activity streams through the real ingest API as fast as the machine takes it. The server sends one overview frame
/// per 100 ms with each changed territory's latest figures, so once every territory changes in every frame the page
/// carries the most it ever can, whatever the event rate. Measures, per frame, the time from its arrival in the page
/// to the DOM holding it; the territories each frame carried; the tab's JS heap and DOM size over time; the rate reached.
/// </summary>
internal static class DashboardScenario
{
    /// <summary>
    /// <see cref="EventsPerSecond"/>: the rate posted at most; null: as fast as the server answers.
    /// <see cref="EventsPerAccount"/>: events for each account a batch names (1: every event on a different account).
    /// </summary>
    public sealed record Size(
        int Territories, int Reps, int Accounts, TimeSpan Duration, TimeSpan SampleEvery, int Clients, bool JudgeTimings,
        double? EventsPerSecond = null, int EventsPerAccount = 1, string? TracePath = null, bool BrowserOwnCore = false);

    public const double FrameBudgetMs = 100;

    public static readonly Size Quick = new(100, 500, 2_000, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1), 4, JudgeTimings: false, EventsPerSecond: 20_000);

    private const string Workspace = "dashboard";

    public static Size Full(double minutes, double? eventsPerSecond, int eventsPerAccount, string? tracePath, bool browserOwnCore) =>
        new(1_000, 3_000, 100_000, TimeSpan.FromMinutes(minutes), TimeSpan.FromSeconds(10), 4, JudgeTimings: true, eventsPerSecond, eventsPerAccount, tracePath, browserOwnCore);

    public static async Task<bool> RunAsync(Size size)
    {
        var company = BenchCompany.Generate(size.Territories, size.Reps, size.Accounts);
        var launching = DashboardBrowser.LaunchAsync();
        await using var host = new BenchHost("Memory");
        // Started before the load is timed, so Chromium's start-up is not in the load's time.
        var launched = await launching;
        var load = Stopwatch.StartNew();
        await company.LoadAsync(host.Http, Workspace);
        var loadSeconds = load.Elapsed.TotalSeconds;
        await using var browser = await DashboardBrowser.OpenAsync(launched, host.Http.BaseAddress!, Workspace, size.Territories, size.BrowserOwnCore);
        var before = await browser.SampleAsync(0, collectGarbage: true);
        // A .NET client in the page's group weighs the frames the page is sent, as they travel (JSON).
        await using var probe = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Http.BaseAddress!, "/hubs/territories"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(BenchHost.Key))
            .Build();
        var (frameBytes, frameTerritories) = (0L, 0L);
        probe.On<JsonElement>("overview", frame =>
        {
            Interlocked.Add(ref frameBytes, frame.GetRawText().Length);
            Interlocked.Add(ref frameTerritories, frame.GetProperty("territories").GetArrayLength());
        });
        await probe.StartAsync();
        await probe.InvokeAsync("SubscribeOverview", Workspace);
        if (size.TracePath is not null)
        {
            await browser.StartTraceAsync();
        }

        var stream = new ActivityStream(company.Company, host.Http, Workspace);
        var watch = Stopwatch.StartNew();
        var eventsPerTerritory = Math.Max(1, 1_000 / size.Territories);
        var streaming = stream.RunAsync(size.Clients, eventsPerTerritory, size.Duration, size.EventsPerSecond, size.EventsPerAccount);
        var samples = new List<BrowserSample>();
        var windows = new List<double>();
        var (lastAccepted, lastAt) = (0L, 0.0);
        var counters = await browser.ReadAsync();
        string? pageLost = null;
        while (true)
        {
            var due = size.SampleEvery * (samples.Count + 1) - watch.Elapsed;
            if (await Task.WhenAny(streaming, Task.Delay(due > TimeSpan.Zero ? due : TimeSpan.Zero)) == streaming)
            {
                break;
            }

            var at = watch.Elapsed.TotalSeconds;
            var accepted = stream.Accepted;
            windows.Add((accepted - lastAccepted) / (at - lastAt));
            (lastAccepted, lastAt) = (accepted, at);
            try
            {
                counters = await browser.ReadAsync();
                samples.Add(await browser.SampleAsync(at, collectGarbage: false));
            }
            catch (Microsoft.Playwright.PlaywrightException error)
            {
                // Reported with what was measured until then; the stream runs on so the server's counts are still checked.
                pageLost = $"the page was lost {at:0} s into the stream: {error.Message}";
                Console.Error.WriteLine(pageLost);
                break;
            }

            if (samples.Count % 6 == 0)
            {
                Console.WriteLine($"  {at:0} s: {accepted / at:N0} events/s, {counters.FramesReceived:N0} frames, heap {samples[^1].HeapUsed / 1e6:0.0} MB");
            }
        }

        var seconds = await streaming;
        if (size.TracePath is not null && pageLost is null)
        {
            Console.WriteLine(await browser.StopTraceAsync(size.TracePath));
        }
        var atStop = pageLost is null ? await browser.ReadAsync() : counters;
        var streamingFrames = browser.Frames.Count;
        var (counted, countedRevenue) = await CountedAsync(host.Http, stream.Accepted);
        var metrics = host.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        // A frame still owed comes within a territory's status settle, its push interval and a pusher's frame or two.
        var quietFor = metrics.StatusSettleDelay + metrics.PushInterval + 2 * DashboardPusher.Interval;
        var final = pageLost is null ? await SettledAsync(browser, quietFor) : counters;
        var after = pageLost is null ? await browser.SampleAsync(watch.Elapsed.TotalSeconds, collectGarbage: true) : samples.LastOrDefault() ?? before;
        var rows = pageLost is null ? await browser.RowsAsync() : -1;
        var listingRead = (await host.Http.GetByteArrayAsync($"/api/workspaces/{Workspace}/territories?view=overview")).Length;
        var listingWhole = (await host.Http.GetByteArrayAsync($"/api/workspaces/{Workspace}/territories")).Length;

        var table = new FigureTable();
        var frameMs = browser.Frames.Select(f => f.Ms).ToList();
        var carried = browser.Frames.Take(streamingFrames).Select(f => (double)f.Territories).ToList();
        var first = samples.FirstOrDefault() ?? before;
        var last = samples.LastOrDefault() ?? before;
        var span = Math.Max(1e-9, last.Seconds - first.Seconds);
        var heapSlope = LeastSquares.Slope(samples.Select(s => (s.Seconds / 60, s.HeapUsed / 1e6)).ToList());
        var over = frameMs.Count(ms => ms > FrameBudgetMs);
        table.Add("company", $"{size.Territories:N0} territories, {size.Reps:N0} reps, {size.Accounts:N0} accounts", $"loaded through PUT /company in {loadSeconds:0.0} s");
        table.Add("events/s reached (HTTP ingest)", F(stream.Accepted / seconds, "N0"),
            $"{size.Clients} clients, batches of {stream.BatchSize(eventsPerTerritory, size.EventsPerAccount):N0} " +
            (size.EventsPerAccount == 1 ? "(same count per territory, every event on a different account), " : $"({size.EventsPerAccount} events per account, one account per territory, territories in turn), ") +
            (size.EventsPerSecond is { } rate ? $"paced to {rate:N0} events/s; " : "as fast as answered; ") +
            $"{size.SampleEvery.TotalSeconds:0}-s windows {F(windows.DefaultIfEmpty().Min(), "N0")}–{F(windows.DefaultIfEmpty().Max(), "N0")}");
        table.Add("events posted / accepted / counted by the server", $"{stream.Posted:N0} / {stream.Accepted:N0} / {counted:N0}", $"over {seconds:0} s");
        table.Add("overview frames received by the page", $"{final.FramesReceived:N0}",
            $"{atStop.FramesReceived / seconds:0.0}/s while streaming; {final.FramesRendered:N0} rendered in {final.Renders:N0} renders");
        table.Add("overview frames' JSON per territory carried", F(Interlocked.Read(ref frameBytes) / Math.Max(1.0, Interlocked.Read(ref frameTerritories)), "N0") + " bytes",
            $"{Interlocked.Read(ref frameBytes) / 1e6:N0} MB in all, as a .NET client in the same group received them");
        table.Add("the territory listing the page reads (load, reconnect)", $"{listingRead / 1e6:0.00} MB",
            $"view=overview, after the stream; {listingWhole / 1e6:0.00} MB with the whole figures");
        // A territory announces itself at most once per push interval and the pusher sends at most one frame per
        // interval of its own: those two bound what any event rate can put on the page.
        var pushInterval = metrics.PushInterval;
        var updateBound = size.Territories / pushInterval.TotalSeconds;
        table.Add("territory updates/s reaching the page while streaming", F(atStop.TerritoriesReceived / seconds, "N0"),
            $"the most possible is {F(updateBound, "N0")}/s: {size.Territories:N0} territories, each at most once per {pushInterval.TotalMilliseconds:0} ms");
        table.Add("territories per frame while streaming", $"p50 {P(carried, 50)}",
            $"min {F(carried.DefaultIfEmpty().Min(), "N0")}, max {F(carried.DefaultIfEmpty().Max(), "N0")}; frames at most every {DashboardPusher.Interval.TotalMilliseconds:0} ms");
        table.Add("frame arrival → DOM updated, ms", $"p50 {P(frameMs, 50, "0.0")} / p99 {P(frameMs, 99, "0.0")} / max {F(frameMs.DefaultIfEmpty().Max(), "0.0")}",
            $"{over:N0} of {frameMs.Count:N0} frames over {FrameBudgetMs:0} ms; slowest {SlowestFrames(browser)}");
        table.Add("render work, ms", $"p50 {P(browser.Renders, 50, "0.0")} / p99 {P(browser.Renders, 99, "0.0")} / max {F(browser.Renders.DefaultIfEmpty().Max(), "0.0")}",
            $"the render function alone, per render; slowest {SlowestRenders(browser)}");
        table.Add("page main thread busy", Percent((last.TaskSeconds - first.TaskSeconds) / span),
            $"script {Percent((last.ScriptSeconds - first.ScriptSeconds) / span)}, style+layout {Percent((last.StyleLayoutSeconds - first.StyleLayoutSeconds) / span)}; " +
            $"{final.LongTasks:N0} long task{(final.LongTasks == 1 ? "" : "s")} (> 50 ms), {final.LongTaskMs / 1000:0.0} s in all");
        table.Add("JS heap in use, first → last sample", $"{first.HeapUsed / 1e6:0.0} → {last.HeapUsed / 1e6:0.0} MB",
            $"least-squares slope {F(heapSlope, "+0.00;-0.00")} MB/min over {samples.Count} samples every {size.SampleEvery.TotalSeconds:0} s");
        table.Add("JS heap kept after a full GC, before → after the stream", $"{before.HeapRetained / 1e6:0.0} → {after.HeapRetained / 1e6:0.0} MB", "page idle both times");
        table.Add("DOM nodes, first → last sample", $"{first.Nodes:N0} → {last.Nodes:N0}", $"{before.Nodes:N0} before the stream, {after.Nodes:N0} after");
        table.Add("page connection drops", $"{browser.Drops}", "each followed by a reconnect and a re-read of the snapshot; frames sent meanwhile never reach the page");
        table.Add("browser", $"Chromium {browser.Version}", $"headless, on the same machine as the server and the load; priority: {browser.Priority}");
        table.Print($"Scenario 6: dashboard under load, {size.Duration.TotalMinutes:0.#} min, {size.Territories:N0} territories");

        if (size.JudgeTimings)
        {
            Console.WriteLine($"Every frame within {FrameBudgetMs:0} ms: {(over == 0 ? "yes" : $"NO ({over} frames over)")}; " +
                              $"heap slope {F(heapSlope, "+0.00;-0.00")} MB/min, retained {before.HeapRetained / 1e6:0.0} → {after.HeapRetained / 1e6:0.0} MB");
        }

        var exact = Check(pageLost is null, pageLost ?? "");
        exact &= Check(final.FramesReceived > 0, "the page received no overview frame");
        exact &= Check(final.FramesRendered == final.FramesReceived, $"the page rendered {final.FramesRendered} of {final.FramesReceived} frames");
        exact &= Check(browser.Frames.Count == final.FramesReceived && browser.Overwritten == 0, $"{browser.Frames.Count} frame samples read of {final.FramesReceived} ({browser.Overwritten} overwritten)");
        exact &= Check(stream.Accepted == stream.Posted && stream.FailedBatches == 0, $"{stream.Accepted} of {stream.Posted} events accepted ({stream.FailedBatches} batches failed{(stream.FirstFailure is { } why ? $"; the first: {why}" : "")})");
        exact &= Check(counted == stream.Accepted, $"the territories count {counted} events, {stream.Accepted} were accepted");
        exact &= Check(Math.Abs(countedRevenue - stream.Revenue) < 0.01 + 1e-9 * stream.Revenue, $"territory revenue {countedRevenue:F2}, posted {stream.Revenue:F2}");
        exact &= Check(rows == size.Territories, $"the page shows {rows} territory rows of {size.Territories}");
        exact &= Check(browser.Problems.Count == 0, $"the page reported: {string.Join("; ", browser.Problems.Take(5))}");
        return exact;
    }

    /// <summary>The events and revenue the territories count once roll-ups have drained (waits up to a minute for <paramref name="expected"/>).</summary>
    /// <summary>
    /// The slowest frames: their number in arrival order, size, and how long after the benchmark last read the page
    /// they arrived (a frame slowed by the reading itself arrives within a few ms of it).
    /// </summary>
    private static string SlowestFrames(DashboardBrowser browser) =>
        string.Join(", ", browser.Frames.Select((f, i) => (f.Ms, f.Territories, f.At, Number: i + 1)).OrderByDescending(f => f.Ms).Take(3)
            .Select(f => $"#{f.Number:N0} ({f.Ms:0} ms, {f.Territories:N0} territories, {SinceLastRead(browser.Reads, f.At)})"));

    private static string SlowestRenders(DashboardBrowser browser) =>
        string.Join(", ", browser.Renders.Select((ms, i) => (Ms: ms, Number: i + 1)).OrderByDescending(r => r.Ms).Take(3)
            .Select(r => $"#{r.Number:N0} ({r.Ms:0} ms)"));

    private static string SinceLastRead(List<double> reads, double at) =>
        reads.LastOrDefault(r => r <= at) is var last and > 0 ? $"{at - last:0} ms after a read" : "before the first read";

    private static async Task<(long Events, double Revenue)> CountedAsync(HttpClient http, long expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (true)
        {
            var list = await http.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories");
            var territories = list!["territories"]!.AsArray();
            var events = territories.Sum(t => (long)t!["totals"]!["events"]!);
            var revenue = territories.Sum(t => (double)t!["totals"]!["revenue"]!);
            if (events == expected || DateTime.UtcNow > deadline)
            {
                return (events, revenue);
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the frames stop (the roll-ups have drained) and the page has rendered all it received.</summary>
    private static async Task<PageCounters> SettledAsync(DashboardBrowser browser, TimeSpan quietFor)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        var counters = await browser.ReadAsync();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(quietFor);
            var next = await browser.ReadAsync();
            var quiet = next.FramesReceived == counters.FramesReceived && next.FramesRendered == next.FramesReceived;
            counters = next;
            if (quiet)
            {
                break;
            }
        }

        return counters;
    }

    private static string P(IReadOnlyList<double> values, double percentile, string format = "N0") => F(Percentiles.Of(values, percentile), format);

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(double share) => F(share * 100, "0.0") + "%";
}
