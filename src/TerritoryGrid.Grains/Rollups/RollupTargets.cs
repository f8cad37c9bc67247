using System.Collections.Concurrent;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// The territory and rep references the dispatcher sends to, kept for reuse: Orleans makes a reference by reading the
/// grain interface's attributes again each time, profiled at 1.7% of a simulated year's CPU for a few thousand flushes a
/// second. At most <see cref="MaxKept"/> are kept (beyond that the set starts again: workspaces and generations come
/// and go, and their keys with them).
/// </summary>
internal sealed class RollupTargets(IGrainFactory grainFactory)
{
    public const int MaxKept = 100_000;

    private readonly ConcurrentDictionary<(RollupTargetKind Kind, string Key), IRollupTarget> kept = new();

    public IRollupTarget Get(RollupTargetKind kind, string key)
    {
        if (kept.TryGetValue((kind, key), out var reference))
        {
            return reference;
        }

        if (kept.Count >= MaxKept)
        {
            kept.Clear();
        }

        reference = kind == RollupTargetKind.Territory ? grainFactory.GetGrain<ITerritoryGrain>(key) : grainFactory.GetGrain<IRepGrain>(key);
        kept.TryAdd((kind, key), reference);
        return reference;
    }
}
