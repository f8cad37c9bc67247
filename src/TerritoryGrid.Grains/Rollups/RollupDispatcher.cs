using TerritoryGrid.Domain;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// Coalesces account contributions inside one silo and sends them to reps and territories on a short timer: one
/// call per target per flush, whatever the number of events. Only the newest contribution of each account is
/// kept, so a busy account costs its territory one update per flush. A failed send is kept for the next flush
/// (unless a newer contribution replaced it); targets ignore sequences they have passed, so re-sends are harmless.
/// </summary>
internal sealed partial class RollupDispatcher(
    IGrainFactory grainFactory, IOptions<MetricsOptions> options, ILogger<RollupDispatcher> logger) : BackgroundService
{
    private readonly object gate = new();
    private Dictionary<(RollupTargetKind Kind, string Key), Dictionary<string, AccountContribution>> pending = [];
    private long published;
    private long delivered;

    /// <summary>Contributions handed to the dispatcher, and those delivered to their targets (for lag and tests).</summary>
    public (long Published, long Delivered) Counts => (Interlocked.Read(ref published), Interlocked.Read(ref delivered));

    public void Publish(RollupTargetKind kind, string targetKey, AccountContribution contribution)
    {
        lock (gate)
        {
            Merge(kind, targetKey, contribution);
        }

        Interlocked.Increment(ref published);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RollupFlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the final flush happens in StopAsync.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync();
    }

    /// <summary>Sends everything pending now; returns when every send has completed or failed.</summary>
    public async Task FlushAsync()
    {
        Dictionary<(RollupTargetKind Kind, string Key), Dictionary<string, AccountContribution>> batch;
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return;
            }

            batch = pending;
            pending = [];
        }

        await Task.WhenAll(batch.Select(target => SendAsync(target.Key, target.Value)));
    }

    private async Task SendAsync((RollupTargetKind Kind, string Key) target, Dictionary<string, AccountContribution> contributions)
    {
        var items = contributions.Values.ToArray();
        try
        {
            IRollupTarget grain = target.Kind == RollupTargetKind.Territory
                ? grainFactory.GetGrain<ITerritoryGrain>(target.Key)
                : grainFactory.GetGrain<IRepGrain>(target.Key);
            await grain.ApplyContributions(items);
            Interlocked.Add(ref delivered, items.Length);
        }
        catch (Exception exception)
        {
            LogSendFailed(logger, exception, target.Kind, target.Key, items.Length);
            lock (gate)
            {
                foreach (var item in items)
                {
                    Merge(target.Kind, target.Key, item);
                }
            }
        }
    }

    private void Merge(RollupTargetKind kind, string targetKey, AccountContribution contribution)
    {
        if (!pending.TryGetValue((kind, targetKey), out var byAccount))
        {
            byAccount = new Dictionary<string, AccountContribution>(StringComparer.Ordinal);
            pending[(kind, targetKey)] = byAccount;
        }

        if (!byAccount.TryGetValue(contribution.AccountId, out var existing) || existing.Sequence < contribution.Sequence)
        {
            byAccount[contribution.AccountId] = contribution;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Roll-up to {Kind} {Key} failed for {Count} contributions; retrying on the next flush")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, RollupTargetKind kind, string key, int count);
}
