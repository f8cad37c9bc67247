using Microsoft.Extensions.DependencyInjection;

namespace TerritoryGrid.Grains.Persistence;

/// <summary>
/// A grain that writes its state a while after it changes (<paramref name="delay"/>; null: only when it
/// deactivates), rather than once per event: no store commits a write per event at ingest rates.
/// </summary>
internal abstract class CheckpointedGrain<TState>(IPersistentState<TState> persisted, TimeSpan? delay) : TransferableGrain<TState>
    where TState : IVersionedState, new()
{
    private IGrainTimer? checkpointTimer;
    private bool dirty;

    protected TState State => persisted.State;

    protected sealed override IPersistentState<TState> Persisted => persisted;

    /// <summary>Changes since the last checkpoint are part of the live state a backup exports.</summary>
    protected override bool HasUnwrittenChanges => dirty;

    /// <summary>The imported state was written whole: nothing of the replaced one is left to checkpoint.</summary>
    protected override void OnStateImported() => dirty = false;

    protected void MarkDirty()
    {
        dirty = true;
        if (delay is { } due)
        {
            checkpointTimer ??= this.RegisterGrainTimer(
                CheckpointAsync, new GrainTimerCreationOptions { DueTime = due, Period = Timeout.InfiniteTimeSpan });
        }
    }

    protected async Task CheckpointNowAsync(CancellationToken cancellationToken = default)
    {
        if (dirty)
        {
            dirty = false;
            await persisted.WriteStateAsync(cancellationToken);
        }
    }

    /// <summary>State written by an earlier version is converted before the grain uses it, and written back with the next checkpoint.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (StateVersions.Upgrade(persisted.State, persisted.RecordExists))
        {
            MarkDirty();
        }

        return base.OnActivateAsync(cancellationToken);
    }

    /// <summary>
    /// False when the state lives in process memory (in-memory storage): a stopping silo loses it anyway, and Orleans'
    /// memory-storage grain may already be gone, so writing it on the way out only fails and delays the stop.
    /// </summary>
    protected virtual bool StateOutlivesTheProcess => true;

    private bool Stopping =>
        ServiceProvider.GetService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>()?.ApplicationStopping.IsCancellationRequested == true;

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (StateOutlivesTheProcess || reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            await CheckpointNowAsync(cancellationToken);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        // Disposing a timer cancels its running callback's token: write first, then let the one-shot timer go.
        var timer = checkpointTimer;
        checkpointTimer = null;
        try
        {
            if (StateOutlivesTheProcess || !Stopping)
            {
                await CheckpointNowAsync(CancellationToken.None);
            }
        }
        finally
        {
            timer?.Dispose();
        }
    }
}
