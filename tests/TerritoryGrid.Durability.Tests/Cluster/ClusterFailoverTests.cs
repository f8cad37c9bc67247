using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace TerritoryGrid.Durability.Tests.Cluster;

/// <summary>
/// Three silo processes on a real PostgreSQL server: stream events from several clients that retry, kill one silo
/// with SIGKILL mid-stream, keep streaming, and check every acknowledged event is counted exactly once against figures
/// computed from the events; then restart the whole cluster and check again.
/// </summary>
public sealed class ClusterFailoverTests(ITestOutputHelper output)
{
    private const int Territories = 6;
    private const int AccountsPerTerritory = 40;
    private const int BatchSize = 100;
    private const int Clients = 3;
    private const int QuietFromBatch = 80;

    /// <summary>
    /// Reps are rolled up every 5 s instead of every second, so that when the silo dies the quiet half's last
    /// contributions to reps are still in its dispatcher: without recovery after a silo loss the rep totals come out
    /// short (the test is meant to fail then, and does).
    /// </summary>
    private static readonly Dictionary<string, string> SlowRepRollups = new() { ["Metrics__RepRollupFlushInterval"] = "00:00:05" };

    [Fact]
    public async Task KillOneSiloMidStream_ThenRestartTheCluster_EveryAcknowledgedEventCountedOnce()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = new Cluster(postgres, redis, "failover");
        await cluster.StartAsync(3, SlowRepRollups);
        var events = new ClusterEvents(Territories, AccountsPerTerritory, BatchSize, quietFromBatch: QuietFromBatch);

        using var admin = TestKeys.Client(cluster.Silos[0].Address);
        var load = await admin.PutAsJsonAsync("/api/workspaces/live/company", Company.Create(Territories, AccountsPerTerritory));
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());

        await using var frames = await WatchOverviewAsync(cluster.Silos[2]);
        // The silo that loaded the company: it set up (and so activated) many of the accounts.
        var victim = cluster.Silos[0];
        var stream = new RetryingStream(cluster.Silos.Select(s => s.Address).ToArray(), events);
        // Two groups of clients stream at once: one posts to every territory until QuietFromBatch, the other to the busy
        // half only, from QuietFromBatch on, until 15 s after the kill. The silo is killed the moment the first group's
        // last batch is acknowledged: the second group has requests in flight, and the quiet half's last contributions
        // may still be on their way to territories and reps; nothing but the cluster's recovery sends them again.
        var killedAt = new Stopwatch();
        var nextBusyBatch = QuietFromBatch - 1;
        int? ClaimBusyBatch() => killedAt.IsRunning && killedAt.Elapsed > TimeSpan.FromSeconds(15) ? null : Interlocked.Increment(ref nextBusyBatch);
        var quietHalfLast = Task.WhenAll(Enumerable.Range(0, Clients).Select(c => stream.RunAsync(c, Clients, 0, QuietFromBatch)));
        var busyHalf = Task.WhenAll(Enumerable.Range(0, Clients).Select(c => stream.RunAsync(c, ClaimBusyBatch)));
        await quietHalfLast;
        killedAt.Start();
        await victim.KillAsync();
        await busyHalf;
        // Every batch handed out was retried until acknowledged: the batches posted are exactly 0 … nextBusyBatch.
        var expected = events.Expected(nextBusyBatch + 1);
        output.WriteLine($"Silo killed mid-stream; {nextBusyBatch + 1} batches in all; {stream.FailedAttempts} attempts failed and were retried ({stream.Failures}); " +
                         $"longest wait for an acknowledgement after the kill {stream.LongestAcknowledgementAfter(killedAt):F1} s");

        var survivors = cluster.Silos.Where(s => s != victim).ToArray();
        foreach (var silo in survivors)
        {
            AssertTotals("after the kill", silo, expected, await WaitForTotalsAsync(silo, expected));
            await AssertRepTotalsAsync("after the kill", silo, expected);
        }

        output.WriteLine($"Totals exact on every surviving silo {killedAt.Elapsed.TotalSeconds:F1} s after the kill");
        Assert.Equal(Territories, frames.Territories.Count);
        // The recovery itself must finish: every account answered (the totals above may also come from accounts' own activity).
        var recovered = $"Recovery after silo loss: all {Territories * AccountsPerTerritory} accounts of {Territories} territories reported again";
        // One survivor coordinates the recovery: the first to have logged it ends the wait.
        using var recoveryWait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var coordinator = await Task.WhenAny(survivors.Select(s => s.WaitForLogAsync(recovered, recoveryWait.Token)));
        Assert.True(await coordinator, $"No surviving silo logged \"{recovered}\":\n{string.Join("\n---\n", survivors.Select(s => s.Output))}");
        output.WriteLine($"Recovery after the silo loss finished by {killedAt.Elapsed.TotalSeconds:F1} s after the kill");

        await cluster.StopAllAsync();
        var restart = Stopwatch.StartNew();
        await cluster.StartAsync(3, SlowRepRollups);
        output.WriteLine($"Cluster restarted in {restart.Elapsed.TotalSeconds:F1} s");
        foreach (var silo in cluster.Silos)
        {
            AssertTotals("after the restart", silo, expected, await WaitForTotalsAsync(silo, expected));
            await AssertRepTotalsAsync("after the restart", silo, expected);
        }

        var warmedUp = $"Recovered workspace live: all {Territories * AccountsPerTerritory} accounts of {Territories} territories reported again";
        foreach (var silo in cluster.Silos)
        {
            using var warmUpWait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            Assert.True(await silo.WaitForLogAsync(warmedUp, warmUpWait.Token), $"No \"{warmedUp}\" from {silo.Address}:\n{silo.Output}");
        }

        output.WriteLine($"Totals exact on every silo and every silo's warm-up finished {restart.Elapsed.TotalSeconds:F1} s after the restart began");

        using var retry = TestKeys.Client(cluster.Silos[2].Address);
        var again = await (await retry.PostAsJsonAsync("/api/workspaces/live/activity", events.Batch(nextBusyBatch))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((0, BatchSize), ((int)again!["accepted"]!, (int)again["duplicates"]!));
    }

    private static void AssertTotals(
        string phase, ServerProcess silo, Dictionary<string, (int Events, double Revenue)> expected, JsonArray territories)
    {
        foreach (var territory in territories)
        {
            var id = (string)territory!["id"]!;
            AssertFigures(phase, silo, $"territory {id}", expected[id], ((int)territory["totals"]!["events"]!, (double)territory["totals"]!["revenue"]!));
        }
    }

    /// <summary>A wrong figure is reported with where and when it was read and the silo's last log lines: this test's failures have been rare and timing-bound.</summary>
    private static void AssertFigures(string phase, ServerProcess silo, string what, (int Events, double Revenue) expected, (int Events, double Revenue) actual) =>
        Assert.True(
            expected.Events == actual.Events && Math.Abs(expected.Revenue - actual.Revenue) < 1e-6,
            $"{phase}, {what} read from {silo.Address}: {actual.Events} events and revenue {actual.Revenue} where the events sent add up to " +
            $"{expected.Events} and {expected.Revenue}\n{silo.Output}");

    /// <summary>Each territory's one rep owns all its accounts: the rep's totals must equal the territory's (reps roll up every second).</summary>
    private static async Task AssertRepTotalsAsync(string phase, ServerProcess silo, Dictionary<string, (int Events, double Revenue)> expected)
    {
        using var client = TestKeys.Client(silo.Address);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var (territory, (events, revenue)) in expected)
        {
            JsonObject rep;
            do
            {
                // 503 while the cluster is still recovering: ask again.
                // The territory's drill-down reads rep grains only (a rep's own page would activate its accounts, which
                // would replay their logs and hide a missing recovery).
                var response = await client.GetAsync($"/api/workspaces/live/territories/{territory}");
                rep = response.IsSuccessStatusCode
                    ? (await response.Content.ReadFromJsonAsync<JsonObject>())!["reps"]!.AsArray().Single()!.AsObject()
                    : new JsonObject { ["totals"] = new JsonObject { ["events"] = -1, ["revenue"] = -1.0 } };
            }
            while ((int)rep["totals"]!["events"]! != events && DateTime.UtcNow < deadline && await Delay());

            AssertFigures(phase, silo, $"the rep of territory {territory}", (events, revenue), ((int)rep["totals"]!["events"]!, (double)rep["totals"]!["revenue"]!));
        }

        static async Task<bool> Delay()
        {
            await Task.Delay(200);
            return true;
        }
    }

    private static async Task<JsonArray> WaitForTotalsAsync(ServerProcess silo, Dictionary<string, (int Events, double Revenue)> expected)
    {
        using var client = TestKeys.Client(silo.Address, timeout: TimeSpan.FromSeconds(20));
        var total = expected.Values.Sum(e => e.Events);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonArray? territories = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var response = await client.GetAsync("/api/workspaces/live/territories");
                if (response.IsSuccessStatusCode)
                {
                    territories = (await response.Content.ReadFromJsonAsync<JsonObject>())!["territories"]!.AsArray();
                    if (territories.Sum(t => (int)t!["totals"]!["events"]!) == total)
                    {
                        return territories;
                    }
                }
            }
            catch (TaskCanceledException)
            {
                // The cluster is still recovering; ask again.
            }

            await Task.Delay(200);
        }

        return territories ?? throw new TimeoutException($"No territories from {silo.Address}:\n{silo.Output}");
    }

    private static async Task<OverviewFrames> WatchOverviewAsync(ServerProcess silo)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(silo.Address, "/hubs/territories"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(TestKeys.Viewer))
            .Build();
        var frames = new OverviewFrames(connection);
        connection.On<JsonObject>("overview", frames.Add);
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeOverview", "live");
        return frames;
    }

    /// <summary>Territories seen in overview frames by a browser-like client connected to one front end.</summary>
    private sealed class OverviewFrames(HubConnection connection) : IAsyncDisposable
    {
        private readonly HashSet<string> territories = [];

        public IReadOnlyCollection<string> Territories
        {
            get
            {
                lock (territories)
                {
                    return territories.ToArray();
                }
            }
        }

        public void Add(JsonObject frame)
        {
            lock (territories)
            {
                foreach (var territory in frame["territories"]!.AsArray())
                {
                    territories.Add((string)territory!["id"]!);
                }
            }
        }

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
