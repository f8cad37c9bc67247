using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Application.Recovery;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain;

namespace TerritoryGrid.Application.Backup;

/// <summary>
/// Restores a backup into a workspace with no company, on any store. The file is checked whole first. Then the log
/// records are imported, grain states written (each grain then recovers as after a restart: an account replays the
/// log after the last record its state applied), territories have their accounts report again so totals are exact,
/// and the workspace's own state is written last: the company becomes visible only once complete. A deployment with
/// no durable log (in-memory) has the records beyond each account's state applied through the account instead.
/// </summary>
public sealed class WorkspaceRestore(
    IGrainFactory grains, IActivityLog log, Serializer serializer, WorkspaceCache workspaces, IOptions<MetricsOptions> options,
    ILogger<WorkspaceRestore> logger)
{
    /// <summary>Grain states written at once.</summary>
    private const int ImportParallelism = 128;

    /// <summary>Log records per import commit (and per replay round without a durable log).</summary>
    private const int LogChunk = 5_000;

    /// <summary>The longest a restore waits for the roll-ups to settle: figures converge later if it is passed.</summary>
    private static readonly TimeSpan RollupWait = TimeSpan.FromSeconds(60);

    /// <summary>Refuses a workspace that holds a company, before the caller spends time sending a file.</summary>
    public async Task CheckEmptyAsync(string workspace)
    {
        var info = await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo();
        if (info.HasCompany)
        {
            throw new RestoreRefusedException(RestoreRefusal.WorkspaceNotEmpty,
                $"workspace '{workspace}' already holds a company ('{info.CompanyName}', generation {info.Generation}): a backup is restored only into a workspace with none (a new deployment, or another workspace name); nothing was restored");
        }
    }

    public async Task<RestoreResult> RestoreAsync(string workspace, Stream file, CancellationToken cancellationToken = default)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await CheckEmptyAsync(workspace);
        using var archive = BackupArchive.Open(file);
        var manifest = archive.Manifest;
        var generation = manifest.Generation;
        string Key(string id) => GrainKeys.Of(workspace, generation, id);

        if (log.IsDurable)
        {
            await ImportLogAsync(archive, workspace, generation, cancellationToken);
        }

        await ImportStatesAsync(archive.States(BackupFormat.TerritoriesEntry), id => grains.GetGrain<ITerritoryGrain>(Key(id)), cancellationToken);
        await ImportStatesAsync(archive.States(BackupFormat.RepsEntry), id => grains.GetGrain<IRepGrain>(Key(id)), cancellationToken);
        await ImportStatesAsync(archive.States(BackupFormat.AccountsEntry), id => grains.GetGrain<IAccountGrain>(Key(id)), cancellationToken);
        await ImportStatesAsync(archive.States(BackupFormat.PlansEntry), _ => grains.GetGrain<IPlanBookGrain>(workspace), cancellationToken);
        await ImportStatesAsync(archive.States(BackupFormat.AlertsEntry), _ => grains.GetGrain<IAlertBookGrain>(workspace), cancellationToken);
        await ImportStatesAsync(archive.States(BackupFormat.StressTestsEntry), _ => grains.GetGrain<IStressTestBookGrain>(workspace), cancellationToken);
        if (archive.Has(BackupFormat.TermsEntry))
        {
            await ImportStatesAsync(archive.States(BackupFormat.TermsEntry), _ => grains.GetGrain<ICommercialTermsGrain>(workspace), cancellationToken);
        }
        if (!log.IsDurable)
        {
            await ReplayThroughAccountsAsync(archive, Key, cancellationToken);
        }

        await ReportAgainAsync(archive.Ids, workspace, generation, cancellationToken);

        // Last, and only if nobody loaded a company meanwhile: from here readers and ingest see the restored company.
        await CheckEmptyAsync(workspace);
        await ImportStatesAsync(archive.States(BackupFormat.WorkspaceEntry), _ => grains.GetGrain<IWorkspaceGrain>(workspace), cancellationToken);
        await grains.GetGrain<IWorkspaceDirectoryGrain>(0).Register(workspace);
        workspaces.Forget(workspace);
        return new RestoreResult(workspace, manifest.Workspace, generation, manifest.CreatedAt, manifest.Counts, log.IsDurable, stopwatch.Elapsed.TotalSeconds);
    }

    private async Task ImportLogAsync(BackupArchive archive, string workspace, int generation, CancellationToken cancellationToken)
    {
        foreach (var chunk in archive.LogRecords().Chunk(LogChunk))
        {
            var records = chunk.Select(r => new LoggedRecord(r.AccountId, r.Sequence, Events(r.Events))).ToList();
            await log.ImportAsync(workspace, generation, records, cancellationToken);
        }
    }

    private static async Task ImportStatesAsync(
        IEnumerable<(string Id, byte[] State)> states, Func<string, IStateTransfer> grain, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ImportParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(states, parallel, async (state, _) => await grain(state.Id).ImportState(state.State));
    }

    /// <summary>
    /// Without a durable log, an imported account cannot replay the records acknowledged after its state was exported:
    /// each record goes to its account with its number, as ingest sent it; one the state already holds is a duplicate
    /// and changes nothing. Records of one account go in order; accounts in parallel.
    /// </summary>
    private async Task ReplayThroughAccountsAsync(BackupArchive archive, Func<string, string> key, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ImportParallelism, CancellationToken = cancellationToken };
        foreach (var chunk in archive.LogRecords().Chunk(LogChunk))
        {
            await Parallel.ForEachAsync(chunk.GroupBy(r => r.AccountId, StringComparer.Ordinal), parallel, async (records, _) =>
            {
                var account = grains.GetGrain<IAccountGrain>(key(records.Key));
                foreach (var record in records)
                {
                    await account.Apply(Events(record.Events), record.Sequence);
                }
            });
        }
    }

    /// <summary>
    /// Every account of every territory sends its contribution again (to it and to its reps) and is waited for (it
    /// answers once its activation, with its replay of the log, is done), then the roll-ups: until
    /// the territories' figures have not moved for two rep roll-up intervals (bounded), so the figures read after the
    /// restore include every restored event.
    /// </summary>
    private async Task ReportAgainAsync(CompanyIds ids, string workspace, int generation, CancellationToken cancellationToken)
    {
        var territories = ids.Territories.Select(id => grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, generation, id))).ToArray();
        await AccountsReportAgain.RunAsync(grains, workspace, generation, ids.Territories, logger, cancellationToken);

        var metrics = options.Value;
        var quiet = 2 * (metrics.RepRollupFlushInterval > metrics.RollupFlushInterval ? metrics.RepRollupFlushInterval : metrics.RollupFlushInterval);
        var deadline = DateTimeOffset.UtcNow + RollupWait;
        var last = await FiguresAsync(territories);
        var since = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow - since < quiet && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(metrics.RollupFlushInterval, cancellationToken);
            var now = await FiguresAsync(territories);
            if (now != last)
            {
                (last, since) = (now, DateTimeOffset.UtcNow);
            }
        }
    }

    /// <summary>What moves while contributions are still arriving: the territories' events, revenue and reporting accounts.</summary>
    private static async Task<(long Events, double Revenue, long Reporting)> FiguresAsync(ITerritoryGrain[] territories)
    {
        var all = await Task.WhenAll(territories.Select(t => t.GetMetrics()));
        return (all.Sum(m => m?.Totals.Events ?? 0), all.Sum(m => m?.Totals.Revenue ?? 0), all.Sum(m => (long)(m?.AccountsReporting ?? 0)));
    }

    private ActivityEvent[] Events(byte[] payload) => serializer.Deserialize<ActivityEvent[]>(payload) ?? [];
}
