using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Benchmarks.Reporting;
using static TerritoryGrid.Benchmarks.Reporting.CountCheck;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 8, a rebuild under load (issue #10): a workspace's stored activity posted through the API (the durable
/// SQLite store), then its metrics rebuilt from the log while one client keeps posting 1,000-event batches. Reports
/// the replay rate beside the ingest rate of the same run, and the live ingest latency before and during the rebuild;
/// then checks every event, old and new, counted once.
/// </summary>
internal static class RebuildScenario
{
    public sealed record Size(int Territories, int Reps, int Accounts, int Events, double BaselineSeconds);

    public static readonly Size Full = new(100, 1_000, 20_000, 500_000, 10);
    public static readonly Size Quick = new(5, 50, 2_000, 10_000, 1);

    private const string Workspace = "rebuildbench";

    /// <summary>The live client's pace while the rebuild runs: a batch of 1,000 events every 200 ms (5,000 events/s).</summary>
    private static readonly TimeSpan LivePace = TimeSpan.FromMilliseconds(200);

    public static async Task<bool> RunAsync(Size size)
    {
        var company = BenchCompany.Generate(size.Territories, size.Reps, size.Accounts);
        var data = Directory.CreateTempSubdirectory("territorygrid-bench-rebuild-");
        try
        {
            await using var host = new BenchHost("Sqlite", data.FullName);
            await company.LoadAsync(host.Http, Workspace);
            var (batches, _, revenue) = company.Activity(size.Events, 1_000, 8, "stored");
            var load = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async client =>
            {
                for (var i = client; i < batches.Count; i += 4)
                {
                    await PostAsync(host.Http, batches[i]);
                }
            }));
            var ingestRate = size.Events / load.Elapsed.TotalSeconds;
            var exact = await CountsExactAsync(host.Http, size.Events, revenue);

            var latencies = new ConcurrentBag<(double At, double Ms)>();
            long livePosted = 0;
            double liveRevenue = 0;
            var watch = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource();
            var live = Task.Run(async () =>
            {
                for (var round = 0; !stop.IsCancellationRequested; round++)
                {
                    var (batch, events, batchRevenue) = company.Activity(1_000, 1_000, 1_000 + round, $"live-{round}");
                    var sent = watch.Elapsed.TotalMilliseconds;
                    await PostAsync(host.Http, batch[0]);
                    latencies.Add((sent, watch.Elapsed.TotalMilliseconds - sent));
                    livePosted += events.Count;
                    liveRevenue += batchRevenue;
                    await Task.Delay(LivePace);
                }
            });
            await Task.Delay(TimeSpan.FromSeconds(size.BaselineSeconds));
            var rebuildStarted = watch.Elapsed.TotalMilliseconds;
            var start = await host.Http.PostAsync($"/api/workspaces/{Workspace}/rebuild", null);
            exact &= Check(start.IsSuccessStatusCode, $"the rebuild did not start: {await start.Content.ReadAsStringAsync()}");
            var finished = await WaitForRebuildAsync(host.Http);
            var rebuildEnded = watch.Elapsed.TotalMilliseconds;
            await stop.CancelAsync();
            await live;

            exact &= Check(finished.GetProperty("status").GetString() == "done", $"the rebuild ended {finished}");
            exact &= await CountsExactAsync(host.Http, size.Events + livePosted, revenue + liveRevenue);
            var seconds = (rebuildEnded - rebuildStarted) / 1_000;
            var records = finished.GetProperty("recordsReplayed").GetInt64();
            var replayedEvents = finished.GetProperty("eventsReplayed").GetInt64();
            var before = latencies.Where(l => l.At < rebuildStarted).Select(l => l.Ms).ToList();
            var during = latencies.Where(l => l.At >= rebuildStarted && l.At <= rebuildEnded).Select(l => l.Ms).ToList();

            var table = new FigureTable();
            table.Add("stored activity", $"{size.Events:N0} events in {batches.Count:N0} batches over {size.Accounts:N0} accounts", $"{records:N0} log records");
            table.Add("ingest, 4 clients (the same run)", $"{ingestRate:N0} events/s", "the reference for the replay rate");
            table.Add("rebuild, start to done", $"{seconds:0.0} s", $"{replayedEvents:N0} events replayed ({replayedEvents / seconds:N0} events/s, {replayedEvents / seconds / ingestRate:0.00} × ingest)");
            table.Add("live ingest before the rebuild, 5,000 events/s", $"{Percentiles.Of(before, 50):0} ms / {Percentiles.Of(before, 99):0} ms", "batch latency p50 / p99");
            table.Add("live ingest during the rebuild", $"{Percentiles.Of(during, 50):0} ms / {Percentiles.Of(during, 99):0} ms", $"{during.Count} batches");
            table.Print($"Scenario 8: a rebuild under load, {size.Accounts:N0} accounts, SQLite store");
            return exact;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static async Task PostAsync(HttpClient http, byte[] batch)
    {
        using var content = new ByteArrayContent(batch);
        content.Headers.ContentType = new("application/json");
        using var response = await http.PostAsync($"/api/workspaces/{Workspace}/activity", content);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<JsonElement> WaitForRebuildAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddMinutes(30);
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Workspace}/rebuild");
            if (status.GetProperty("status").GetString() != "running" || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<bool> CountsExactAsync(HttpClient http, long events, double revenue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        long counted;
        double countedRevenue;
        do
        {
            await Task.Delay(200);
            var list = await http.GetFromJsonAsync<JsonObject>($"/api/workspaces/{Workspace}/territories");
            var territories = list!["territories"]!.AsArray();
            counted = territories.Sum(t => (long)t!["totals"]!["events"]!);
            countedRevenue = territories.Sum(t => (double)t!["totals"]!["revenue"]!);
        }
        while ((counted != events || Math.Abs(countedRevenue - revenue) > 0.01) && DateTime.UtcNow < deadline);

        return Check(counted == events && Math.Abs(countedRevenue - revenue) <= 0.01,
            $"territories count {counted:N0} events and {countedRevenue:N2} revenue; {events:N0} and {revenue:N2} were posted");
    }
}
