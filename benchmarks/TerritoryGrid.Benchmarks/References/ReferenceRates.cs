using static TerritoryGrid.Benchmarks.Reporting.CountCheck;

namespace TerritoryGrid.Benchmarks.References;

/// <summary>The three references over one set of events, measured in this process and run: events/s each.</summary>
internal sealed record ReferenceRates(double Limit, double Ceiling, double Naive, bool NaiveCountedAll)
{
    /// <summary>
    /// The limit over the events, then the ceiling and the naive design on <paramref name="grains"/> (a silo with the
    /// reference grains; their keys are the events' indexes, apart from any workspace's grains).
    /// </summary>
    public static async Task<ReferenceRates> MeasureAsync(IReadOnlyList<BenchEvent> events, IGrainFactory grains)
    {
        var limit = PlainLoop.Run(events, events.Max(e => e.Account) + 1, events.Max(e => e.Rep) + 1, events.Max(e => e.Territory) + 1);
        var ceiling = await GrainReferences.CeilingAsync(grains, events, inFlight: 1_000);
        var (naive, counted) = await GrainReferences.NaiveAsync(grains, events, inFlight: 1_000);
        return new ReferenceRates(limit.Events / limit.Seconds, ceiling, naive,
            Check(counted == events.Count, $"naive reference counted {counted} of {events.Count} events"));
    }

    /// <summary>The references' own rows, first in a scenario's table.</summary>
    public void AddTo(Reporting.ResultTable table)
    {
        table.Add("limit: plain loop, 1 thread", Limit, Limit, null, null);
        table.Add("ceiling: no-op grain calls, 1,000 in flight", Ceiling, Limit, Ceiling, null);
        table.Add("naive: 3 awaited calls per event, 1,000 in flight", Naive, Limit, Ceiling, Naive);
    }

    /// <summary>A measured path, with its ratios to the three.</summary>
    public void Add(Reporting.ResultTable table, string path, double eventsPerSecond, string latency = "", string memory = "") =>
        table.Add(path, eventsPerSecond, Limit, Ceiling, Naive, latency, memory);
}
