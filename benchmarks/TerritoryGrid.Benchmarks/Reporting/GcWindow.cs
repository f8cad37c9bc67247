using System.Diagnostics;
using System.Globalization;

namespace TerritoryGrid.Benchmarks.Reporting;

/// <summary>
/// What the process's CPU and the garbage collector did while a path was measured (the server runs in this process):
/// how many of the machine's cores the process kept busy (below all of them, the path waits on something other than
/// the CPU), the share of the time threads were paused, collections by generation, bytes allocated per second, and
/// what a first- or second-generation collection promoted and paused on average. Where the targets are missed, this
/// says how much of the time went to memory management rather than work, and whether surviving objects are what
/// makes it cost.
/// </summary>
internal sealed class GcWindow
{
    private readonly Stopwatch watch = Stopwatch.StartNew();
    private readonly TimeSpan pausedBefore = GC.GetTotalPauseDuration();
    private readonly TimeSpan processorBefore = ProcessorTime();
    private readonly long allocatedBefore = GC.GetTotalAllocatedBytes();
    private readonly int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly long firstIndex = GC.GetGCMemoryInfo(GCKind.Ephemeral).Index;
    private readonly Dictionary<long, (long Promoted, TimeSpan Pause)> ephemeral = [];
    private readonly Timer sampler;

    public GcWindow()
    {
        // The runtime keeps only the latest collection of each kind: sampled well inside the ~0.6 s between them.
        sampler = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public string Summary()
    {
        sampler.Dispose();
        Sample();
        var seconds = watch.Elapsed.TotalSeconds;
        var busy = (ProcessorTime() - processorBefore).TotalSeconds / seconds;
        var paused = (GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds / seconds;
        var allocated = (GC.GetTotalAllocatedBytes() - allocatedBefore) / seconds / (1 << 20);
        var gen = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]).ToArray();
        double promoted, pause;
        lock (ephemeral)
        {
            promoted = ephemeral.Count == 0 ? 0 : ephemeral.Values.Average(c => c.Promoted) / (1 << 20);
            pause = ephemeral.Count == 0 ? 0 : ephemeral.Values.Average(c => c.Pause.TotalMilliseconds);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"{busy:0.00} of {Environment.ProcessorCount} cores busy; GC paused {paused:P0}; gen0/1/2 {gen[0]}/{gen[1]}/{gen[2]}; {allocated:N0} MB/s allocated; {promoted:N0} MB promoted, {pause:N0} ms paused per ephemeral collection");
    }

    private static TimeSpan ProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private void Sample()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Ephemeral);
        if (info.Index <= firstIndex)
        {
            return;
        }

        var pause = TimeSpan.Zero;
        foreach (var part in info.PauseDurations)
        {
            pause += part;
        }

        lock (ephemeral)
        {
            ephemeral[info.Index] = (info.PromotedBytes, pause);
        }
    }
}
