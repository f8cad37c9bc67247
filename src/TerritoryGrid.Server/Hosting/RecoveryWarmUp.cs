using TerritoryGrid.Application.Recovery;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Server.Hosting;

/// <summary>
/// After a (re)start on a durable store, has every account of every workspace's territories report again (waiting
/// for each answer): accounts replay the activity logged after their last checkpoint and territories read back from
/// theirs take the accounts' latest contributions, so reads soon after a crash show every acknowledged event.
/// </summary>
internal sealed partial class RecoveryWarmUp(
    IGrainFactory grains, IActivityLog log, IRollupDrain rollups, IHostApplicationLifetime lifetime, RecoveryState state,
    ILogger<RecoveryWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (log.IsDurable)
        {
            state.Begin();
            // After the silo has started: grain calls need it.
            lifetime.ApplicationStarted.Register(() => _ = WarmUpAsync(lifetime.ApplicationStopping));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (workspace, generation, territoryIds) in EveryTerritory.ByWorkspaceAsync(grains))
            {
                var accounts = await AccountsReportAgain.RunAsync(grains, workspace, generation, territoryIds, logger, cancellationToken);
                // An account answers once its contribution is queued for its territory and reps; a territory revising
                // many days takes a while over a thousand of them. Recovered means they have been applied.
                await rollups.DrainWithRepsAsync();
                LogWarmedUp(logger, workspace, accounts, territoryIds.Length);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogWarmUpFailed(logger, exception);
        }
        finally
        {
            // A failed warm-up leaves recovery to first reads; waiting for it would keep the server unready for good.
            state.End();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovered workspace {Workspace}: all {Accounts} accounts of {Territories} territories reported again")]
    private static partial void LogWarmedUp(ILogger logger, string workspace, int accounts, int territories);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recovery warm-up failed; territories recover when first read")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
