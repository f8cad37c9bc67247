using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Grains.Persistence;
using TerritoryGrid.Grains.Rollups;

namespace TerritoryGrid.Grains.Reps;

[GenerateSerializer, Alias("tg.RepState")]
internal sealed class RepState : IVersionedState
{
    /// <summary>0: written before states carried a version (commit 9eca594). 1: the version itself; no field changed. 2: the book's money by month. 3: the book keeps copies of its own of the contributions. 4: those copies keep their days in a list reused from one contribution to the next.</summary>
    public static int CurrentVersion => 4;

    [Id(3)] public int Version { get; set; }

    [Id(0)] public RepSetup? Setup { get; set; }

    [Id(1)] public ContributionBook Book { get; set; } = new();

    [Id(2)] public AvailabilityTimeline Availability { get; set; } = new();

    public void MigrateFrom(int version)
    {
        // 0 to 1: nothing to convert.
        // 1 to 2: the book's money by month starts empty and fills as accounts send contributions carrying it.
        if (version == 2)
        {
            Book.MigrateHeld();
        }

        if (version == 3)
        {
            Book.MigrateDays();
        }
    }
}
