using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Contracts.Roster;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Grains.Persistence;
using TerritoryGrid.Grains.Rollups;

namespace TerritoryGrid.Grains.Territories;

[GenerateSerializer, Alias("tg.TerritoryState")]
internal sealed class TerritoryState : IVersionedState
{
    /// <summary>0: written before states carried a version (commit 9eca594). 1: adds the daily snapshots. 2: the book's money by month. 3: the book keeps copies of its own of the contributions. 4: those copies keep their days in a list reused from one contribution to the next.</summary>
    public static int CurrentVersion => 4;

    [Id(11)] public int Version { get; set; }

    [Id(0)] public TerritorySetup? Setup { get; set; }

    [Id(1)] public ContributionBook Book { get; set; } = new();

    [Id(2)] public ServiceStatus Status { get; set; }

    [Id(3)] public string StatusReason { get; set; } = "not evaluated yet";

    [Id(4)] public DateTimeOffset? StatusSince { get; set; }

    [Id(6)] public List<StatusChange> History { get; set; } = [];

    /// <summary>The status and figures as of each day boundary, oldest first, with no gaps: the hysteresis chain.</summary>
    [Id(7)] public List<DailyPoint> Trend { get; set; } = [];

    /// <summary>The figures at each day boundary, oldest first, kept longer than the trend: what "as of" reads return.</summary>
    [Id(10)] public List<TerritorySnapshot> Snapshots { get; set; } = [];

    /// <summary>Reps' capacity from event times on (leave, return, ramp-up, hires), in time order.</summary>
    [Id(9)] public List<CapacityChange> CapacityChanges { get; set; } = [];

    /// <summary>True until every account has reported once: the status so far is re-evaluated, not recorded.</summary>
    [Id(8)] public bool Provisional { get; set; } = true;

    /// <summary>
    /// While a rebuild replays the stored activity: how far in event time it has got. Days close no later than this,
    /// so an account that catches up early (live activity reached it) cannot close days the others have not replayed.
    /// </summary>
    [Id(12)] public DateTimeOffset? RebuildHorizon { get; set; }

    /// <summary>The status before the rebuild began: a rebuild announces one change, at its end, if it differs.</summary>
    [Id(13)] public ServiceStatus StatusBeforeRebuild { get; set; }

    /// <summary>The changes announced (day and statuses, no reason) while their days can still be revised: each is announced once.</summary>
    [Id(14)] public List<StatusChange> Announced { get; set; } = [];

    public void MigrateFrom(int version)
    {
        // 0 to 1: the snapshot list starts empty: days closed before the upgrade have no "as of" figures.
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
