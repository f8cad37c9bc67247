using Microsoft.Extensions.Logging;
using Orleans.Runtime.Services;
using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>Drains the roll-up dispatcher of every active silo, in parallel.</summary>
internal sealed partial class ClusterRollupDrain(IServiceProvider services, IClusterMembershipService membership, ILogger<ClusterRollupDrain> logger)
    : GrainServiceClient<IRollupDrainService>(services), IRollupDrain
{
    public Task DrainAsync() => DrainEverySiloAsync(includeReps: false);

    public Task DrainWithRepsAsync() => DrainEverySiloAsync(includeReps: true);

    private async Task DrainEverySiloAsync(bool includeReps)
    {
        var silos = membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress);
        await Task.WhenAll(silos.Select(silo => DrainAsync(silo, includeReps)));
    }

    private async Task DrainAsync(SiloAddress silo, bool includeReps)
    {
        var service = GetGrainService(silo);
        while (true)
        {
            try
            {
                await (includeReps ? service.DrainWithReps() : service.Drain());
                return;
            }
            catch (TimeoutException) when (IsActive(silo))
            {
                // A large backlog (every account reporting again after a restart) takes longer to deliver than a call
                // may wait: the silo is still delivering. Asking again waits for that delivery, then sends what came since.
                LogStillDraining(logger, silo);
            }
            catch (Exception error)
            {
                // A silo lost meanwhile takes its pending contributions with it; its accounts republish when they are recovered.
                LogDrainFailed(logger, error, silo);
                return;
            }
        }
    }

    private bool IsActive(SiloAddress silo) => membership.CurrentSnapshot.GetSiloStatus(silo) == SiloStatus.Active;

    [LoggerMessage(Level = LogLevel.Information, Message = "The roll-up dispatcher of silo {Silo} is still delivering; waiting on")]
    private static partial void LogStillDraining(ILogger logger, SiloAddress silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not drain the roll-up dispatcher of silo {Silo}")]
    private static partial void LogDrainFailed(ILogger logger, Exception error, SiloAddress silo);
}
