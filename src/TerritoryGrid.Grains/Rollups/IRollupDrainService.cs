using Orleans.Services;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>One silo's end of <see cref="TerritoryGrid.Contracts.Rollups.IRollupDrain"/>: runs on every silo.</summary>
[Alias("tg.IRollupDrainService")]
public interface IRollupDrainService : IGrainService
{
    /// <summary>Sends this silo's pending territory contributions now and returns when they are delivered.</summary>
    [Alias("Drain")]
    Task Drain();

    /// <summary>Sends this silo's pending contributions to territories and reps now and returns when they are delivered.</summary>
    [Alias("DrainWithReps")]
    Task DrainWithReps();
}
