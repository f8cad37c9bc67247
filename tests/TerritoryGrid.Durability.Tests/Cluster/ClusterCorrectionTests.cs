using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TerritoryGrid.Durability.Tests.Cluster;

/// <summary>
/// Voids and amendments on a cluster of two silos on PostgreSQL, posted to the silo that did not take the orders, then
/// the loss of a silo and a restart of the whole cluster: the accounts that reactivate replay their logged records,
/// corrections included, and every total stays as if the voided orders had never been taken and the amended ones had
/// been right from the start.
/// </summary>
public sealed class ClusterCorrectionTests
{
    private const int Batches = 10;
    private const int BatchSize = 50;

    /// <summary>Orders voided (every 37th) and amended (every 41st, not voided) out of the 500.</summary>
    private static readonly int[] VoidedOrders = [.. Enumerable.Range(0, Batches * BatchSize).Where(n => n % 37 == 3)];

    private static readonly int[] AmendedOrders = [.. Enumerable.Range(0, Batches * BatchSize).Where(n => n % 41 == 7 && n % 37 != 3)];

    [Fact]
    public async Task CorrectionsPostedToAnotherSilo_SurviveASiloLossAndARestart_EachAppliedOnce()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        await using var cluster = new Cluster(postgres, redis, "corrections");
        await cluster.StartAsync(2);
        using var ingest = TestKeys.Client(cluster.Silos[0].Address);
        using var corrections = TestKeys.Client(cluster.Silos[1].Address);
        var load = await ingest.PutAsJsonAsync("/api/workspaces/live/company", Company.Create(territories: 2, accountsPerTerritory: 10));
        Assert.True(load.IsSuccessStatusCode, await load.Content.ReadAsStringAsync());
        for (var batch = 0; batch < Batches; batch++)
        {
            var posted = await (await ingest.PostAsJsonAsync("/api/workspaces/live/activity", Company.Orders(batch, BatchSize))).Content.ReadFromJsonAsync<JsonObject>();
            Assert.Equal(BatchSize, (int)posted!["accepted"]!);
        }

        var result = await (await corrections.PostAsJsonAsync("/api/workspaces/live/activity", Corrections())).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(VoidedOrders.Length + AmendedOrders.Length, (int)result!["accepted"]!);
        var (events, revenue) = Expected();
        await AssertTotalsAsync(cluster.Silos[1], events, revenue);

        await cluster.Silos[0].KillAsync();
        await AssertTotalsAsync(cluster.Silos[1], events, revenue);
        // Restart only once the survivor has declared the killed silo dead: a silo still listed active but unreachable
        // holds up the restarted silos' join (they must reach every active silo and cannot vote yet), past any deadline.
        await WaitUntilActiveSilosAsync(postgres, "corrections", 1);

        await cluster.StopAllAsync();
        await cluster.StartAsync(2);
        await AssertTotalsAsync(cluster.Silos[0], events, revenue);
        using var retry = TestKeys.Client(cluster.Silos[0].Address);
        var again = await (await retry.PostAsJsonAsync("/api/workspaces/live/activity", Corrections())).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal((0, VoidedOrders.Length + AmendedOrders.Length), ((int)again!["accepted"]!, (int)again["duplicates"]!));
        await AssertTotalsAsync(cluster.Silos[1], events, revenue);
    }

    private static async Task WaitUntilActiveSilosAsync(PostgresServer postgres, string clusterId, int count)
    {
        await using var connection = new Npgsql.NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = @cluster AND status = 3", connection);
        query.Parameters.AddWithValue("cluster", clusterId);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long active;
        while ((active = (long)(await query.ExecuteScalarAsync())!) != count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.True(active == count, $"{active} silos still listed active in cluster '{clusterId}', {count} expected");
    }

    private static JsonArray Corrections()
    {
        var corrections = new JsonArray();
        foreach (var n in VoidedOrders)
        {
            corrections.Add(Correction($"void-{n}", "void", n, amount: 0));
        }

        foreach (var n in AmendedOrders)
        {
            corrections.Add(Correction($"amend-{n}", "amendment", n, amount: 1.0));
        }

        return corrections;
    }

    /// <summary>The orders <see cref="Company.Orders"/> makes: order n is for account t{n%2}-a{n%10}, worth 10 + n.</summary>
    private static JsonObject Correction(string id, string kind, int order, double amount) => new()
    {
        ["id"] = id, ["kind"] = kind, ["referenceId"] = $"order-{order}", ["accountId"] = $"t{order % 2}-a{order % 10}",
        ["occurredAt"] = Company.PlanStart.AddHours(Batches * BatchSize).ToString("O"), ["amount"] = amount, ["cost"] = 1.0,
    };

    private static (long Events, double Revenue) Expected()
    {
        var orders = Enumerable.Range(0, Batches * BatchSize).Where(n => !VoidedOrders.Contains(n)).ToList();
        return (orders.Count, orders.Sum(n => AmendedOrders.Contains(n) ? 1.0 : 10.0 + n));
    }

    private static async Task AssertTotalsAsync(ServerProcess silo, long events, double revenue)
    {
        using var client = TestKeys.Client(silo.Address);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonArray territories = [];
        do
        {
            await Task.Delay(200);
            // A silo answers 503 while the cluster notices a lost one and moves its grains.
            var response = await client.GetAsync("/api/workspaces/live/territories");
            if (response.IsSuccessStatusCode)
            {
                territories = (await response.Content.ReadFromJsonAsync<JsonObject>())!["territories"]!.AsArray();
            }
        }
        while ((territories.Sum(t => (long)t!["totals"]!["events"]!) != events ||
                Math.Abs(territories.Sum(t => (double)t!["totals"]!["revenue"]!) - revenue) > 1e-6) && DateTime.UtcNow < deadline);

        Assert.Equal(events, territories.Sum(t => (long)t!["totals"]!["events"]!));
        Assert.Equal(revenue, territories.Sum(t => (double)t!["totals"]!["revenue"]!), 6);
    }
}
