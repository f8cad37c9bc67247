using System.Diagnostics;
using System.Globalization;

namespace TerritoryGrid.Benchmarks.Reporting;

/// <summary>
/// What the garbage collector did while a path was measured (the server runs in this process): the share of the
/// time threads were paused, collections by generation, and bytes allocated per second. Where the targets are missed,
/// this says how much of the time went to memory management rather than work.
/// </summary>
internal sealed class GcWindow
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly TimeSpan pausedBefore = GC.GetTotalPauseDuration();
    private readonly long allocatedBefore = GC.GetTotalAllocatedBytes();
    private readonly int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    public string Summary()
    {
        var seconds = watch.Elapsed.TotalSeconds;
        var paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds / seconds;
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedBefore) / seconds / (1 << 20);
        var gen = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();
        return string.Create(CultureInfo.InvariantCulture,
            $"GC paused {paused:P0}; gen0/1/2 {gen[0]}/{gen[1]}/{gen[2]}; {allocated:N0} MB/s allocated");
    }
}
