using System.Diagnostics;

namespace TerritoryGrid.Benchmarks.References;

/// <summary>Runs the grain references with a fixed number of calls in flight, after warming up every key.</summary>
internal static class GrainReferences
{
    /// <summary>No-op grain calls: the most calls per second this silo can make at this concurrency.</summary>
    public static async Task<double> CeilingAsync(IGrainFactory grains, IReadOnlyList<BenchEvent> events, int inFlight)
    {
        await RunAsync(events.DistinctBy(e => e.Account).ToList(), inFlight, e => grains.GetGrain<INoOpGrain>(e.Account).Ping(0));
        return events.Count / await RunAsync(events, inFlight, e => grains.GetGrain<INoOpGrain>(e.Account).Ping(e.Rep));
    }

    /// <summary>The naive design: three awaited calls per event. Returns events/s and the events the territories counted.</summary>
    public static async Task<(double EventsPerSecond, long Counted)> NaiveAsync(IGrainFactory grains, IReadOnlyList<BenchEvent> events, int inFlight)
    {
        var warmUp = events.DistinctBy(e => e.Account).ToList();
        await RunAsync(warmUp, inFlight, e => grains.GetGrain<INaiveAccountGrain>(e.Account).Apply(e.Rep, e.Territory, 0));
        var seconds = await RunAsync(events, inFlight, e => grains.GetGrain<INaiveAccountGrain>(e.Account).Apply(e.Rep, e.Territory, e.Amount));
        var territories = events.Select(e => e.Territory).Distinct().ToList();
        var counted = (await Task.WhenAll(territories.Select(t => grains.GetGrain<INaiveTerritoryGrain>(t).Events()))).Sum() - warmUp.Count;
        return (events.Count / seconds, counted);
    }

    private static async Task<double> RunAsync(IReadOnlyList<BenchEvent> events, int inFlight, Func<BenchEvent, Task> call)
    {
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < events.Count)
            {
                await call(events[i]);
            }
        }));
        return watch.Elapsed.TotalSeconds;
    }
}
