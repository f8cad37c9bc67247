using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Grains.Persistence;
using TerritoryGrid.Grains.Rollups;

namespace TerritoryGrid.Grains.Reps;

[GenerateSerializer, Alias("tg.RepState")]
internal sealed class RepState : IVersionedState
{
    /// <summary>0: written before states carried a version (commit 9eca594). 1: the version itself; no field changed.</summary>
    public static int CurrentVersion => 1;

    [Id(3)] public int Version { get; set; }

    [Id(0)] public RepSetup? Setup { get; set; }

    [Id(1)] public ContributionBook Book { get; set; } = new();

    [Id(2)] public AvailabilityTimeline Availability { get; set; } = new();

    public void MigrateFrom(int version)
    {
        // 0 to 1: nothing to convert.
    }
}
