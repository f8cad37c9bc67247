using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Rebuilds;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Rebuilds;

internal sealed class RebuildGrain(
    [PersistentState("rebuild", StorageNames.Grains)] IPersistentState<RebuildBookState> persisted,
    TimeProvider clock)
    : Grain, IRebuildGrain
{
    /// <summary>
    /// A running rebuild that has not reported for this long is taken to have died with its silo: another may start
    /// (a rebuild starts over from the beginning, so nothing is lost by running it again).
    /// </summary>
    private static readonly TimeSpan SilentAfter = TimeSpan.FromMinutes(2);

    public async Task<string?> Start(RebuildRecord record)
    {
        if (persisted.State.Current is { IsRunning: true } running && clock.GetUtcNow() - (running.UpdatedAt ?? running.StartedAt) < SilentAfter)
        {
            return $"a rebuild of workspace '{running.Workspace}' is already under way (started by {running.StartedBy} at {running.StartedAt:u}, {running.Progress:P0} replayed)";
        }

        persisted.State.Current = record with { UpdatedAt = clock.GetUtcNow() };
        await persisted.WriteStateAsync();
        return null;
    }

    public async Task Update(RebuildRecord record)
    {
        persisted.State.Current = record with { UpdatedAt = clock.GetUtcNow() };
        await persisted.WriteStateAsync();
    }

    public Task<RebuildRecord?> Get() => Task.FromResult(persisted.State.Current);
}

[GenerateSerializer, Alias("tg.RebuildBookState")]
internal sealed class RebuildBookState
{
    [Id(0)] public RebuildRecord? Current { get; set; }
}
