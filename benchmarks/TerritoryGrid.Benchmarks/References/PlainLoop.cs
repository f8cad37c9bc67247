namespace TerritoryGrid.Benchmarks.References;

/// <summary>
/// The limit: the same kind of metric updates (dedup by id, account counters, rep and territory roll-up) in a plain
/// single-threaded loop over arrays and a dictionary, no Orleans, no HTTP.
/// </summary>
public static class PlainLoop
{
    public static (long Events, double Seconds) Run(IReadOnlyList<BenchEvent> events, int accounts, int reps, int territories)
    {
        var seen = new HashSet<ulong>(events.Count);
        var accountRevenue = new double[accounts];
        var accountEvents = new int[accounts];
        var repRevenue = new double[reps];
        var territoryRevenue = new double[territories];
        var territoryEvents = new long[territories];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var e in events)
        {
            if (!seen.Add(e.IdHash))
            {
                continue;
            }

            accountRevenue[e.Account] += e.Amount;
            accountEvents[e.Account]++;
            repRevenue[e.Rep] += e.Amount;
            territoryRevenue[e.Territory] += e.Amount;
            territoryEvents[e.Territory]++;
        }

        return (territoryEvents.Sum(), watch.Elapsed.TotalSeconds);
    }
}

/// <summary>One generated event in the compact form the references use.</summary>
public readonly record struct BenchEvent(int Account, int Rep, int Territory, double Amount, ulong IdHash);
