using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TerritoryGrid.Application.Progress;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Rebuilds;
using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Application.Rebuilds;

/// <summary>
/// Recomputes a workspace's metrics from its stored activity under the options in force now (thresholds, call
/// patterns, formulas), while it keeps taking events: territories forget their figures and history, accounts forget
/// their events, then the activity log is applied again in the order it was written, a chunk at a time, each
/// territory closing days only as far as the replay has got and its accounts' contributions have been delivered. An
/// event posted meanwhile is logged and applied as always: its account first applies its earlier records from the
/// log, so nothing is lost or counted twice.
/// </summary>
public sealed partial class MetricsRebuild(
    IGrainFactory grains, IActivityLog log, IRollupDrain rollups, IOptions<RebuildOptions> rebuildOptions, ILogger<MetricsRebuild> logger)
{
    /// <summary>Log records applied between two advances of the territories' horizon.</summary>
    public const int ChunkSize = 2048;

    /// <summary>Accounts reset at once.</summary>
    private const int ResetBatch = 512;

    /// <summary>
    /// Records the start of a rebuild of <paramref name="workspace"/>; the record when started, else why not. The
    /// replay itself is <see cref="RunAsync"/>.
    /// </summary>
    public async Task<(RebuildRecord? Started, string? Refusal)> StartAsync(string workspace, string startedBy, CancellationToken cancellationToken)
    {
        if (!log.IsDurable)
        {
            return (null, "this deployment keeps no activity log (Storage:Provider is Memory): there is no stored activity to rebuild from");
        }

        var info = await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo();
        if (!info.HasCompany)
        {
            return (null, $"workspace '{workspace}' has no company loaded: there is nothing to rebuild");
        }

        var total = await log.CountAsync(workspace, info.Generation, cancellationToken);
        var record = new RebuildRecord(workspace, info.Generation, startedBy, DateTimeOffset.UtcNow, RebuildRecord.Running, RebuildRecord.Resetting, total);
        var refusal = await grains.GetGrain<IRebuildGrain>(workspace).Start(record);
        return refusal is null ? (record, null) : (null, refusal);
    }

    /// <summary>Runs a started rebuild to its end, recording progress (at most once a second) and the outcome.</summary>
    public async Task RunAsync(RebuildRecord started, CancellationToken cancellationToken)
    {
        var book = grains.GetGrain<IRebuildGrain>(started.Workspace);
        var progress = new ProgressRecord<RebuildRecord>(book.Update, started);
        try
        {
            var info = await grains.GetGrain<IWorkspaceGrain>(started.Workspace).GetInfo();
            if (info.Generation != started.Generation)
            {
                throw new InvalidOperationException($"the company was replaced (generation {started.Generation} → {info.Generation}) before the rebuild began");
            }

            var territories = info.TerritoryIds.Select(id => grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(started.Workspace, started.Generation, id))).ToArray();
            await ResetAsync(started, territories, cancellationToken);
            progress.Report(r => r with { Phase = RebuildRecord.Replaying });
            await ReplayAsync(started, territories, progress, cancellationToken);
            progress.Report(r => r with { Phase = RebuildRecord.Finishing });
            // Reps too: they roll up less often, and "done" must mean every figure read next is the rebuilt one.
            await rollups.DrainWithRepsAsync();
            await Task.WhenAll(territories.Select(t => t.EndRebuild()));
            await progress.FinishAsync(r => r with { Status = RebuildRecord.Done, Phase = RebuildRecord.Done, FinishedAt = DateTimeOffset.UtcNow });
            LogDone(logger, started.Workspace, progress.Current.RecordsReplayed, progress.Current.EventsReplayed);
        }
        catch (Exception error)
        {
            LogFailed(logger, started.Workspace, error);
            var why = error is OperationCanceledException ? "stopped with the server: start it again" : error.Message;
            await progress.FinishAsync(r => r with { Status = RebuildRecord.Failed, FinishedAt = DateTimeOffset.UtcNow, Error = why });
        }
    }

    private async Task ResetAsync(RebuildRecord started, ITerritoryGrain[] territories, CancellationToken cancellationToken)
    {
        // Territories first, so every contribution the accounts send after forgetting lands in an emptied book.
        var accountIds = (await Task.WhenAll(territories.Select(t => t.BeginRebuild())))
            .SelectMany(ids => ids).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var batch in accountIds.Chunk(ResetBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.WhenAll(batch.Select(id => grains.GetGrain<IAccountGrain>(GrainKeys.Of(started.Workspace, started.Generation, id)).BeginRebuild()));
        }
    }

    private async Task ReplayAsync(RebuildRecord started, ITerritoryGrain[] territories, ProgressRecord<RebuildRecord> progress, CancellationToken cancellationToken)
    {
        var rate = rebuildOptions.Value.RecordsPerSecond;
        var chunkSize = rate > 0 ? Math.Clamp(rate / 4, 1, ChunkSize) : ChunkSize;
        var chunk = new List<LoggedRecord>(chunkSize);
        var pace = System.Diagnostics.Stopwatch.StartNew();
        long replayed = 0;
        DateTimeOffset? reached = null;
        DateTimeOffset? chunkFrom = null;

        async Task ApplyChunkAsync()
        {
            // One account's records in order; accounts in parallel.
            await Task.WhenAll(chunk.GroupBy(r => r.AccountId, StringComparer.Ordinal).Select(async ofAccount =>
            {
                var account = grains.GetGrain<IAccountGrain>(GrainKeys.Of(started.Workspace, started.Generation, ofAccount.Key));
                foreach (var record in ofAccount)
                {
                    await account.Apply(record.Events, record.Sequence);
                }
            }));
            if (reached is { } latest)
            {
                // A day closed before its accounts' contributions land would be computed without them (and days
                // further back than the revision margin are never revised): deliver them first, on every silo.
                await rollups.DrainAsync();
                await Task.WhenAll(territories.Select(t => t.AdvanceRebuild(latest)));
            }

            var events = chunk.Sum(r => r.Events.Length);
            var records = chunk.Count;
            progress.Report(r => r with { RecordsReplayed = r.RecordsReplayed + records, EventsReplayed = r.EventsReplayed + events });
            chunk.Clear();
            chunkFrom = null;
            replayed += records;
            if (rate > 0 && TimeSpan.FromSeconds((double)replayed / rate) - pace.Elapsed is { Ticks: > 0 } ahead)
            {
                await Task.Delay(ahead, cancellationToken);
            }
        }

        await foreach (var record in log.ReadAllAsync(started.Workspace, started.Generation, cancellationToken))
        {
            var latest = record.Events.Length == 0 ? reached : record.Events.Max(e => e.OccurredAt);
            // A chunk spans at most a day of event time, so no territory's days move further at once than the
            // contributions' revision margin can correct.
            if (chunk.Count == chunkSize || (chunkFrom is { } from && latest > from + MaxChunkSpan))
            {
                await ApplyChunkAsync();
            }

            chunkFrom ??= reached ?? latest;
            chunk.Add(record);
            reached = reached is null || latest > reached ? latest : reached;
        }

        if (chunk.Count > 0)
        {
            await ApplyChunkAsync();
        }
    }

    /// <summary>Most event time one chunk of the replay spans.</summary>
    private static readonly TimeSpan MaxChunkSpan = TimeSpan.FromDays(1);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuilt workspace {Workspace}: {Records} log records, {Events} events replayed")]
    private static partial void LogDone(ILogger logger, string workspace, long records, long events);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuild of workspace {Workspace} failed")]
    private static partial void LogFailed(ILogger logger, string workspace, Exception error);
}
