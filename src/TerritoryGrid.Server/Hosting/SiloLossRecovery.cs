using Orleans.Runtime;
using TerritoryGrid.Application.Recovery;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Server.Hosting;

/// <summary>
/// When the cluster declares a silo dead, what it held since its last checkpoints is gone: accounts' latest state and
/// contributions still on their way to territories and reps. The oldest living silo then asks every account of every
/// territory to report again and waits for each to answer; accounts that lived on the lost silo reactivate elsewhere,
/// replay their logged activity and send what they had, so totals again include every acknowledged event.
/// </summary>
internal sealed partial class SiloLossRecovery(
    IClusterMembershipService membership, ILocalSiloDetails localSilo, IGrainFactory grains, IActivityLog log,
    ILogger<SiloLossRecovery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!log.IsDurable)
        {
            return;
        }

        HashSet<SiloAddress>? knownDead = null;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var dead = snapshot.Members.Values.Where(m => m.Status == SiloStatus.Dead).Select(m => m.SiloAddress).ToHashSet();
                // Silos already dead when this one joined were recovered from before (or by the restart warm-up).
                var lost = knownDead is null ? [] : dead.Except(knownDead).ToList();
                knownDead = dead;
                if (lost.Count > 0 && IsCoordinator(snapshot))
                {
                    await RecoverAsync(lost, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private bool IsCoordinator(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)
            .OrderBy(a => a.Generation).ThenBy(a => a.ToParsableString(), StringComparer.Ordinal)
            .FirstOrDefault() == localSilo.SiloAddress;

    private async Task RecoverAsync(List<SiloAddress> lost, CancellationToken cancellationToken)
    {
        LogSiloLost(logger, string.Join(", ", lost));
        try
        {
            int territories = 0, accounts = 0;
            await foreach (var (workspace, generation, territoryIds) in EveryTerritory.ByWorkspaceAsync(grains))
            {
                accounts += await AccountsReportAgain.RunAsync(grains, workspace, generation, territoryIds, logger, cancellationToken);
                territories += territoryIds.Length;
            }

            LogRecovered(logger, accounts, territories);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRecoveryFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo(s) {Silos} declared dead; asking every territory's accounts to report again")]
    private static partial void LogSiloLost(ILogger logger, string silos);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery after silo loss: all {Accounts} accounts of {Territories} territories reported again")]
    private static partial void LogRecovered(ILogger logger, int accounts, int territories);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recovery after silo loss failed")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
