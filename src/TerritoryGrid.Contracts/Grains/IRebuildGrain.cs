using TerritoryGrid.Contracts.Rebuilds;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>A workspace's metric rebuilds (keyed by workspace): the one under way or the last, kept across restarts.</summary>
[Alias("tg.IRebuildGrain")]
public interface IRebuildGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a rebuild starting; null when started, else why not (one is already under way and still reporting
    /// progress).
    /// </summary>
    [Alias("Start")]
    Task<string?> Start(RebuildRecord record);

    /// <summary>Replaces the running rebuild's record with <paramref name="record"/> (progress, outcome).</summary>
    [Alias("Update")]
    Task Update(RebuildRecord record);

    /// <summary>The rebuild under way, or the last one; null when there never was one.</summary>
    [Alias("Get")]
    Task<RebuildRecord?> Get();
}
