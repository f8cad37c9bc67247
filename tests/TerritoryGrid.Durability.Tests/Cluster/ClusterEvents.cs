using System.Text.Json.Nodes;

namespace TerritoryGrid.Durability.Tests.Cluster;

/// <summary>
/// Deterministic orders spread over every account of <see cref="Company.Create"/>'s company, and the figures they must
/// add up to, computed here from the events themselves (independently of the server). Batches from
/// <paramref name="quietFromBatch"/> on reach only the first half of the territories: the other half's accounts get no
/// new events after that, so only the cluster's own recovery can restore what a lost silo held for them.
/// </summary>
internal sealed class ClusterEvents(int territories, int accountsPerTerritory, int batchSize, int quietFromBatch)
{
    private static readonly DateTimeOffset Start = new(2026, 9, 2, 0, 0, 0, TimeSpan.Zero);

    public JsonArray Batch(int batch)
    {
        var events = new JsonArray();
        for (var i = 0; i < batchSize; i++)
        {
            var n = batch * batchSize + i;
            var (territory, account) = AccountOf(n);
            events.Add(new JsonObject
            {
                ["id"] = $"cluster-order-{n}", ["kind"] = "order", ["occurredAt"] = Start.AddSeconds(n * 5).ToString("O"),
                ["accountId"] = $"t{territory}-a{account}", ["repId"] = $"r{territory}", ["amount"] = Amount(n), ["cost"] = 1.0,
            });
        }

        return events;
    }

    /// <summary>Events and revenue per territory id for batches 0 … <paramref name="batches"/>-1.</summary>
    public Dictionary<string, (int Events, double Revenue)> Expected(int batches)
    {
        var expected = Enumerable.Range(0, territories).ToDictionary(t => $"t{t}", _ => (Events: 0, Revenue: 0.0));
        for (var n = 0; n < batches * batchSize; n++)
        {
            var key = $"t{AccountOf(n).Territory}";
            expected[key] = (expected[key].Events + 1, expected[key].Revenue + Amount(n));
        }

        return expected;
    }

    private (int Territory, int Account) AccountOf(int n)
    {
        var reached = n / batchSize < quietFromBatch ? territories : territories / 2;
        return (n % reached, n / reached % accountsPerTerritory);
    }

    private static double Amount(int n) => 10.0 + n % 97;
}
