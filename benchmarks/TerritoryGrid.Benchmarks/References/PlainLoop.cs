namespace TerritoryGrid.Benchmarks.References;

/// <summary>
/// The limit: the same kind of metric updates (dedup by id, account counters, rep and territory roll-up) in a plain
/// single-threaded loop over arrays and a dictionary, no Orleans, no HTTP.
/// </summary>
public static class PlainLoop
{
    public static (long Events, double Seconds) Run(IReadOnlyList<BenchEvent> events, int accounts, int reps, int territories)
    {
        var state = new State(accounts, reps, territories, events.Count);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var e in events)
        {
            state.Apply(e);
        }

        return (state.TerritoryEvents.Sum(), watch.Elapsed.TotalSeconds);
    }

    /// <summary>The loop's state after the events, kept by the caller: the limit's memory per account.</summary>
    public static State Hold(IReadOnlyList<BenchEvent> events, int accounts, int reps, int territories)
    {
        var state = new State(accounts, reps, territories, events.Count);
        foreach (var e in events)
        {
            state.Apply(e);
        }

        return state;
    }

    public sealed class State(int accounts, int reps, int territories, int events)
    {
        private readonly HashSet<ulong> seen = new(events);
        private readonly double[] accountRevenue = new double[accounts];
        private readonly int[] accountEvents = new int[accounts];
        private readonly double[] repRevenue = new double[reps];
        private readonly double[] territoryRevenue = new double[territories];

        public long[] TerritoryEvents { get; } = new long[territories];

        public void Apply(BenchEvent e)
        {
            if (!seen.Add(e.IdHash))
            {
                return;
            }

            accountRevenue[e.Account] += e.Amount;
            accountEvents[e.Account]++;
            repRevenue[e.Rep] += e.Amount;
            territoryRevenue[e.Territory] += e.Amount;
            TerritoryEvents[e.Territory]++;
        }
    }
}

/// <summary>One generated event in the compact form the references use.</summary>
public readonly record struct BenchEvent(int Account, int Rep, int Territory, double Amount, ulong IdHash);
