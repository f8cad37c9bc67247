using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Durability.Tests.Cluster;

/// <summary>
/// A rebuild on a cluster of two silos on PostgreSQL, started on one silo while a client keeps posting to the other:
/// every event is counted once, and the daily figures recorded before the rebuild come out the same from the replay.
/// </summary>
public sealed class ClusterRebuildTests
{
    private const int BatchesBefore = 20;
    private const int BatchesDuring = 10;
    private const int BatchSize = 50;

    [Fact]
    public async Task ARebuildWhileEventsArriveOnAnotherSilo_CountsEveryEventOnce_AndReplaysTheSameDailyFigures()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = new Cluster(postgres, redis, "rebuild");
        await cluster.StartAsync(2);
        using var ingest = TestKeys.Client(cluster.Silos[0].Address);
        using var operations = TestKeys.Client(cluster.Silos[1].Address);
        var load = await ingest.PutAsJsonAsync("/api/workspaces/live/company", Company.Create(territories: 2, accountsPerTerritory: 10));
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
        for (var batch = 0; batch < BatchesBefore; batch++)
        {
            // Each batch reaches the territories before the next moves event time on by two days: a live contribution
            // later than the revision margin (35 days here) is never revised, and the figures to compare must be whole.
            await PostAsync(ingest, batch);
            await WaitForEventsAsync(operations, (batch + 1) * BatchSize, settle: false);
        }

        await WaitForEventsAsync(operations, BatchesBefore * BatchSize);
        var before = await TrendsAsync(operations);

        var start = await operations.PostAsync("/api/workspaces/live/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var recordsAtStart = (long)(await start.Content.ReadFromJsonAsync<JsonObject>())!["recordsTotal"]!;
        for (var batch = BatchesBefore; batch < BatchesBefore + BatchesDuring; batch++)
        {
            await PostAsync(ingest, batch);
        }

        var finished = await WaitForRebuildAsync(operations);
        var expected = (BatchesBefore + BatchesDuring) * BatchSize;
        var territories = await WaitForEventsAsync(operations, expected);
        var after = await TrendsAsync(operations);

        Assert.Equal("done", (string)finished["status"]!);
        Assert.True(recordsAtStart > 0);
        Assert.True((long)finished["recordsReplayed"]! >= recordsAtStart, finished.ToJsonString());
        Assert.Equal(expected, territories.Sum(t => (long)t!["totals"]!["events"]!));
        var revenue = Enumerable.Range(0, expected).Sum(n => 10.0 + n);
        Assert.Equal(revenue, territories.Sum(t => (double)t!["totals"]!["revenue"]!), 6);
        foreach (var (territory, days) in before)
        {
            // The days both reads show (the trend is the last 60), but the last one before the rebuild: the events
            // posted during it fall on that day.
            var shared = days.Keys.SkipLast(1).Where(after[territory].ContainsKey).ToList();
            Assert.True(shared.Count > 20, $"{territory}: {shared.Count} days in both trends");
            var differing = shared.Where(d => days[d] != after[territory][d]).Select(d => $"{d}: {days[d]} → {after[territory][d]}").ToList();
            Assert.True(differing.Count == 0, $"{territory}: {differing.Count} days differ (revenue, net profit, status before → after): {string.Join("; ", differing.Take(4))}");
        }
    }

    private static async Task PostAsync(HttpClient client, int batch)
    {
        var result = await (await client.PostAsJsonAsync("/api/workspaces/live/activity", Company.Orders(batch, BatchSize))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(BatchSize, (int)result!["accepted"]!);
    }

    /// <summary>Each territory's daily points by day (revenue, net profit, status), oldest first.</summary>
    private static async Task<Dictionary<string, Dictionary<string, string>>> TrendsAsync(HttpClient client)
    {
        var trends = new Dictionary<string, Dictionary<string, string>>();
        foreach (var id in new[] { "t0", "t1" })
        {
            var detail = await client.GetFromJsonAsync<JsonObject>($"/api/workspaces/live/territories/{id}");
            trends[id] = detail!["territory"]!["trend"]!.AsArray().ToDictionary(
                p => (string)p!["day"]!, p => $"{Math.Round((double)p!["revenue"]!, 6)} {Math.Round((double)p["netProfit"]!, 6)} {p["status"]}");
        }

        return trends;
    }

    private static async Task<JsonArray> WaitForEventsAsync(HttpClient client, long expected, bool settle = true)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var territories = (await client.GetFromJsonAsync<JsonObject>("/api/workspaces/live/territories"))!["territories"]!.AsArray();
            if (territories.Sum(t => (long)t!["totals"]!["events"]!) == expected || DateTime.UtcNow > deadline)
            {
                if (!settle)
                {
                    return territories;
                }

                // The daily points are revised as the last contributions land.
                await Task.Delay(500);
                return (await client.GetFromJsonAsync<JsonObject>("/api/workspaces/live/territories"))!["territories"]!.AsArray();
            }

            await Task.Delay(50);
        }
    }

    private static async Task<JsonObject> WaitForRebuildAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var status = (await client.GetFromJsonAsync<JsonObject>("/api/workspaces/live/rebuild"))!;
            if ((string)status["status"]! != "running")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the rebuild did not finish in 90 s: {status.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
