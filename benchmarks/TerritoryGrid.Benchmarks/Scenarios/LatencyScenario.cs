using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TerritoryGrid.Benchmarks.References;
using TerritoryGrid.Benchmarks.Reporting;
using static TerritoryGrid.Benchmarks.Reporting.CountCheck;

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
    public static readonly Size Quick = new(10, 100, 2_000, [2_000], 1.5);

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
                .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("events").GetInt64());
            frameTimes.Enqueue((at, counts));
        });
        await hub.StartAsync();
        await hub.InvokeAsync("SubscribeOverview", "latency");

        var seed = 10;
        var measured = new List<(string Path, double Sustained, string Latency)>();
        var referenceEvents = new List<BenchEvent>();
        var posted = new Dictionary<string, long>(territoryIds.ToDictionary(t => t, _ => 0L));
        async Task<List<BenchEvent>> MeasureAsync(int rate, string label)
        {
            var count = (int)(rate * size.Seconds);
            var (batches, events, _) = company.Activity(count, 1_000, seed, $"lat{rate}-{seed++}");
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
            measured.Add(($"event → SignalR frame, target {rate:N0} events/s{label}", sustained,
                $"{Percentiles.Of(latencies, 50):0} ms / {Percentiles.Of(latencies, 99):0} ms (per event batch{(retried > 0 ? $"; {retried} sent again after 503/429" : "")})"));
            retried = 0;
            return events;
        }

        foreach (var rate in size.Rates)
        {
            referenceEvents.AddRange(await MeasureAsync(rate, ""));
        }

        // The references over the events just posted, on the same silo, before the stress test takes a share of it.
        var references = await ReferenceRates.MeasureAsync(referenceEvents, host.Grains);
        exact &= references.NaiveCountedAll;

        // Live monitoring while a plan stress test runs on the same server (one test at a time, one day's ingest at a time).
        var stressTest = await StartStressTestAsync(host.Http, size);
        await MeasureAsync(size.Rates[0], $", while stress test {stressTest} runs (capped at 5,000 events/s)");
        var status = (await host.Http.GetFromJsonAsync<JsonElement>($"/api/workspaces/stressbench/stress-tests/{stressTest}")).GetProperty("status").GetString();
        exact &= Check(status is "running" or "done", $"the stress test was {status}, not running or done, while latency was measured");
        Console.WriteLine($"stress test {stressTest} was {status} when the measurement under it ended");

        references.AddTo(table);
        foreach (var (path, sustained, latency) in measured)
        {
            references.Add(table, path, sustained, latency);
        }

        table.Print($"Scenario 3: event-to-screen latency over {size.Accounts:N0} accounts, {size.Territories} territories (events/s = rate sustained)");
        return exact;
    }

    /// <summary>
    /// Loads a second company into its own workspace, drafts a plan moving a tenth of its accounts, and starts a stress
    /// test of it long enough to outlast the measurement; returns once the test is running.
    /// </summary>
    private static async Task<string> StartStressTestAsync(HttpClient http, Size size)
    {
        var company = BenchCompany.Generate(size.Territories, size.Reps, size.Accounts / 2);
        await company.LoadAsync(http, "stressbench");
        var reps = company.Company.Reps;
        var moves = company.Company.Accounts.Where((_, i) => i % 10 == 0)
            .Select(a => new { kind = "moveAccount", accountId = a.Id, toRepId = reps.First(r => r.TerritoryId == a.TerritoryId && r.Id != a.OwnerRepId).Id });
        var drafted = await http.PostAsJsonAsync("/api/workspaces/stressbench/plans", new { name = "A tenth moves", moves });
        drafted.EnsureSuccessStatusCode();
        var planId = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var scenario = new { name = "Benchmark season", seed = 3, company = new { }, period = new { start = "2026-01-05", weeks = 26 } };
        var started = await http.PostAsJsonAsync("/api/workspaces/stressbench/stress-tests", new { scenario, planIds = new[] { planId } });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await http.GetFromJsonAsync<JsonElement>($"/api/workspaces/stressbench/stress-tests/{id}")).GetProperty("status").GetString() == "queued" &&
               DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return id;
    }

    /// <summary>
    /// Posts without waiting for the answer (the load keeps its pace); the body lives until the post completes. A batch
    /// shed (503) or limited (429) is sent again after the Retry-After the server gives, as a client would: its latency
    /// counts from the first post.
    /// </summary>
    private static async Task PostAsync(HttpClient http, byte[] batch)
    {
        while (true)
        {
            using var content = new ByteArrayContent(batch);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync("/api/workspaces/latency/activity", content);
            if (response.StatusCode is not (System.Net.HttpStatusCode.ServiceUnavailable or System.Net.HttpStatusCode.TooManyRequests))
            {
                return;
            }

            Interlocked.Increment(ref retried);
            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Batches the server shed or rate-limited, sent again.</summary>
    private static int retried;

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
}
