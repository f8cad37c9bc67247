using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Grains.Rollups;

namespace TerritoryGrid.Grains.Reps;

[GenerateSerializer, Alias("tg.RepState")]
internal sealed class RepState
{
    [Id(0)] public RepSetup? Setup { get; set; }

    [Id(1)] public ContributionBook Book { get; set; } = new();

    [Id(2)] public AvailabilityTimeline Availability { get; set; } = new();
}
