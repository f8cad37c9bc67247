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
        try
        {
            var service = GetGrainService(silo);
            await (includeReps ? service.DrainWithReps() : service.Drain());
        }
        catch (Exception error)
        {
            // A silo lost meanwhile takes its pending contributions with it; its accounts republish when they are recovered.
            LogDrainFailed(logger, error, silo);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not drain the roll-up dispatcher of silo {Silo}")]
    private static partial void LogDrainFailed(ILogger logger, Exception error, SiloAddress silo);
}
