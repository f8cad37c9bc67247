using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Grains.Persistence;

/// <summary>
/// A grain with one persistent state that a backup can copy out and a restore can copy in (<see cref="IStateTransfer"/>),
/// written once here for every such grain.
/// </summary>
internal abstract class TransferableGrain<TState> : Grain, IStateTransfer
{
    /// <summary>The grain's persistent state (the one its constructor was given).</summary>
    protected abstract IPersistentState<TState> Persisted { get; }

    /// <summary>True when the state in memory holds changes not written yet (a grain that writes on every change has none).</summary>
    protected virtual bool HasUnwrittenChanges => false;

    public Task<byte[]?> ExportState() =>
        Task.FromResult(Persisted.RecordExists || HasUnwrittenChanges ? Serializer.SerializeToArray(Persisted.State) : null);

    public async Task ImportState(byte[] state)
    {
        Persisted.State = Serializer.Deserialize<TState>(state)
            ?? throw new ArgumentException($"the imported state is empty, not a {typeof(TState).Name}", nameof(state));
        await Persisted.WriteStateAsync();
        OnStateImported();
        // What this activation derived from its old state (caches, timers, replay positions) no longer holds: the next
        // call activates the grain afresh from the record just written, as after a restart (a state of an older
        // version is upgraded, an account replays the log after its last record, a territory asks its accounts).
        DeactivateOnIdle();
    }

    /// <summary>Called once an imported state is written: forget what was pending for the state it replaced.</summary>
    protected virtual void OnStateImported()
    {
    }

    private Serializer Serializer => ServiceProvider.GetRequiredService<Serializer>();
}
