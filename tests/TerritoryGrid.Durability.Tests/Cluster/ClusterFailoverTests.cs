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
    private const int Batches = 240;
    private const int BatchSize = 100;
    private const int Clients = 3;
    private const int KillAfterBatch = 80;

    [Fact]
    public async Task KillOneSiloMidStream_ThenRestartTheCluster_EveryAcknowledgedEventCountedOnce()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = new Cluster(postgres, redis, "failover");
        await cluster.StartAsync(3);
        var events = new ClusterEvents(Territories, AccountsPerTerritory, BatchSize, quietFromBatch: KillAfterBatch);
        var expected = events.Expected(Batches);

        using var admin = new HttpClient { BaseAddress = cluster.Silos[0].Address };
        var load = await admin.PutAsJsonAsync("/api/workspaces/live/company", Company.Create(Territories, AccountsPerTerritory));
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());

        await using var frames = await WatchOverviewAsync(cluster.Silos[2]);
        var victim = cluster.Silos[1];
        var stream = new RetryingStream(cluster.Silos.Select(s => s.Address).ToArray(), events);
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => stream.RunAsync(c, Clients, 0, KillAfterBatch)));
        // At once after the last acknowledgement: contributions may still be on their way to territories and reps.
        var killedAt = Stopwatch.StartNew();
        await victim.KillAsync();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => stream.RunAsync(c, Clients, KillAfterBatch, Batches)));
        output.WriteLine($"Silo killed after {KillAfterBatch} batches; {stream.FailedAttempts} attempts failed and were retried ({stream.Failures}); " +
                         $"longest wait for an acknowledgement after the kill {stream.LongestAcknowledgementAfter(killedAt):F1} s");

        var survivors = cluster.Silos.Where(s => s != victim).ToArray();
        foreach (var silo in survivors)
        {
            AssertTotals(expected, await WaitForTotalsAsync(silo, expected));
            await AssertRepTotalsAsync(silo, expected);
        }

        output.WriteLine($"Totals exact on every surviving silo {killedAt.Elapsed.TotalSeconds:F1} s after the kill");
        Assert.Equal(Territories, frames.Territories.Count);

        await cluster.StopAllAsync();
        await cluster.StartAsync(3);
        foreach (var silo in cluster.Silos)
        {
            AssertTotals(expected, await WaitForTotalsAsync(silo, expected));
            await AssertRepTotalsAsync(silo, expected);
        }

        using var retry = new HttpClient { BaseAddress = cluster.Silos[2].Address };
        var again = await (await retry.PostAsJsonAsync("/api/workspaces/live/activity", events.Batch(0))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((0, BatchSize), ((int)again!["accepted"]!, (int)again["duplicates"]!));
    }

    private static void AssertTotals(Dictionary<string, (int Events, double Revenue)> expected, JsonArray territories)
    {
        foreach (var territory in territories)
        {
            var (events, revenue) = expected[(string)territory!["id"]!];
            Assert.Equal(events, (int)territory["totals"]!["events"]!);
            Assert.Equal(revenue, (double)territory["totals"]!["revenue"]!, 6);
        }
    }

    /// <summary>Each territory's one rep owns all its accounts: the rep's totals must equal the territory's (reps roll up every second).</summary>
    private static async Task AssertRepTotalsAsync(ServerProcess silo, Dictionary<string, (int Events, double Revenue)> expected)
    {
        using var client = new HttpClient { BaseAddress = silo.Address };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var (territory, (events, revenue)) in expected)
        {
            JsonObject rep;
            do
            {
                rep = (await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/live/reps/r{territory[1..]}"))!["rep"]!.AsObject();
            }
            while ((int)rep["totals"]!["events"]! != events && DateTime.UtcNow < deadline && await Delay());

            Assert.Equal(events, (int)rep["totals"]!["events"]!);
            Assert.Equal(revenue, (double)rep["totals"]!["revenue"]!, 6);
        }

        static async Task<bool> Delay()
        {
            await Task.Delay(200);
            return true;
        }
    }

    private static async Task<JsonArray> WaitForTotalsAsync(ServerProcess silo, Dictionary<string, (int Events, double Revenue)> expected)
    {
        using var client = new HttpClient { BaseAddress = silo.Address, Timeout = TimeSpan.FromSeconds(20) };
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
        var connection = new HubConnectionBuilder().WithUrl(new Uri(silo.Address, "/hubs/territories")).Build();
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
