using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TerritoryGrid.Benchmarks.Reporting;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3, event-to-screen latency: a SignalR client subscribed to the overview, as the dashboard is; batches
/// posted at a fixed rate; for each batch, the time from posting it to the first frame in which every territory it
/// touched counts it. Reported at each target rate with the rate actually sustained.
/// </summary>
internal static class LatencyScenario
{
    public sealed record Size(int Territories, int Reps, int Accounts, int[] Rates, double Seconds);

    public static readonly Size Full = new(20, 400, 20_000, [10_000, 50_000], 15);
    public static readonly Size Quick = new(10, 100, 5_000, [2_000], 3);

    public static async Task<bool> RunAsync(Size size)
    {
        var company = BenchCompany.Generate(size.Territories, size.Reps, size.Accounts);
        var territoryIds = company.Company.Territories.Select(t => t.Id).ToArray();
        var table = new ResultTable();
        var exact = true;
        await using var host = new BenchHost("Memory");
        await company.LoadAsync(host.Http, "latency");
        var counted = new ConcurrentDictionary<string, long>();
        var frameTimes = new ConcurrentQueue<(double At, Dictionary<string, long> Counts)>();
        var watch = Stopwatch.StartNew();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Http.BaseAddress!, "/hubs/territories"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(BenchHost.Key))
            .Build();
        hub.On<JsonElement>("overview", frame =>
        {
            var at = watch.Elapsed.TotalMilliseconds;
            var counts = frame.GetProperty("territories").EnumerateArray()
                .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("totals").GetProperty("events").GetInt64());
            frameTimes.Enqueue((at, counts));
        });
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeOverview", "latency");

        var seed = 10;
        var posted = new Dictionary<string, long>(territoryIds.ToDictionary(t => t, _ => 0L));
        foreach (var rate in size.Rates)
        {
            var count = (int)(rate * size.Seconds);
            var (batches, events, _) = company.Activity(count, 1_000, seed++, $"lat{rate}");
            var sent = new List<(double At, Dictionary<string, long> Needed)>();
            var interval = 1_000.0 / rate * 1_000;
            var started = watch.Elapsed.TotalMilliseconds;
            var inFlight = new List<Task>();
            for (var b = 0; b < batches.Count; b++)
            {
                var due = started + b * interval;
                var wait = due - watch.Elapsed.TotalMilliseconds;
                if (wait > 1)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait));
                }

                foreach (var e in events.Skip(b * 1_000).Take(1_000))
                {
                    posted[territoryIds[e.Territory]]++;
                }

                var needed = events.Skip(b * 1_000).Take(1_000).Select(e => territoryIds[e.Territory]).Distinct().ToDictionary(t => t, t => posted[t]);
                sent.Add((watch.Elapsed.TotalMilliseconds, needed));
                inFlight.Add(PostAsync(host.Http, batches[b]));
            }

            await Task.WhenAll(inFlight);
            var sustained = count / ((watch.Elapsed.TotalMilliseconds - started) / 1_000);
            await WaitForAsync(() => Reflected(frameTimes, posted));
            var latencies = sent.Select(s => FirstFrameAt(frameTimes, s.Needed) - s.At).Where(l => !double.IsNaN(l)).ToList();
            exact &= Check(latencies.Count == sent.Count, $"{sent.Count - latencies.Count} batches never showed in a frame at {rate:N0} events/s");
            table.Add($"event → SignalR frame, target {rate:N0} events/s", sustained, null, null, null,
                $"{Percentiles.Of(latencies, 50):0} ms / {Percentiles.Of(latencies, 99):0} ms (per event batch)");
        }

        table.Print($"Scenario 3: event-to-screen latency over {size.Accounts:N0} accounts, {size.Territories} territories (events/s = rate sustained)");
        return exact;
    }

    /// <summary>Posts without waiting for the answer (the load keeps its pace); the body lives until the post completes.</summary>
    private static async Task PostAsync(HttpClient http, byte[] batch)
    {
        using var content = new ByteArrayContent(batch);
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync("/api/workspaces/latency/activity", content);
    }

    private static bool Reflected(ConcurrentQueue<(double At, Dictionary<string, long> Counts)> frames, Dictionary<string, long> posted) =>
        posted.All(p => p.Value == 0 || frames.Any(f => f.Counts.GetValueOrDefault(p.Key) >= p.Value));

    private static double FirstFrameAt(ConcurrentQueue<(double At, Dictionary<string, long> Counts)> frames, Dictionary<string, long> needed)
    {
        var seen = new HashSet<string>();
        foreach (var (at, counts) in frames)
        {
            foreach (var (territory, count) in needed)
            {
                if (counts.GetValueOrDefault(territory) >= count)
                {
                    seen.Add(territory);
                }
            }

            if (seen.Count == needed.Count)
            {
                return at;
            }
        }

        return double.NaN;
    }

    private static async Task WaitForAsync(Func<bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    private static bool Check(bool condition, string failure)
    {
        if (!condition)
        {
            Console.Error.WriteLine($"COUNT WRONG: {failure}");
        }

        return condition;
    }
}
