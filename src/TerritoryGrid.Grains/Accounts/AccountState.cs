using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// Everything an account remembers. Memory is bounded: touch days only for the window plus lateness, event ids
/// only within the duplicate horizon and up to a cap, leads and opportunities while open or inside the window.
/// </summary>
[GenerateSerializer, Alias("tg.AccountState")]
internal sealed class AccountState : IVersionedState
{
    /// <summary>
    /// 0: written before states carried a version (commit 9eca594). 1: adds totals by event day. 2: adds money by
    /// month. 3: adds the orphaned period and the closing time. 4: touches and totals by day kept in day maps.
    /// </summary>
    public static int CurrentVersion => 4;

    [Id(18)] public int Version { get; set; }

    [Id(0)] public AccountSetup? Setup { get; set; }

    [Id(1)] public long Sequence { get; set; }

    [Id(2)] public ActivityTotals Totals;

    [Id(3)] public Dictionary<string, double> RevenueByProduct { get; set; } = new(StringComparer.Ordinal);

    [Id(4)] public Dictionary<string, ActivityTotals> ByRep { get; set; } = new(StringComparer.Ordinal);

    [Id(5)] public Dictionary<string, LeadRecord> Leads { get; set; } = new(StringComparer.Ordinal);

    [Id(6)] public Dictionary<string, OpportunityRecord> Opportunities { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Qualifying touches per event-time day, for the rolling call-plan window.</summary>
    [Id(29)] public DayMap<int> TouchesByDay { get; set; } = new();

    /// <summary>Where versions before 4 kept <see cref="TouchesByDay"/>; read once by <see cref="MigrateFrom"/>, then null.</summary>
    [Id(7)] public SortedDictionary<int, int>? StoredTouchesByDay { get; set; }

    [Id(8)] public Dictionary<ulong, SeenEvent> SeenEvents { get; set; } = new();

    /// <summary>Events on or before this day are refused: their ids may have been forgotten.</summary>
    [Id(9)] public int ForgottenThroughDay { get; set; } = int.MinValue;

    [Id(10)] public DateTimeOffset? Watermark { get; set; }

    [Id(11)] public DateTimeOffset? LastContactAt { get; set; }

    [Id(12)] public FunnelStage Stage { get; set; }

    /// <summary>Hashes of closed opportunity references, so a second win for the same deal is refused.</summary>
    [Id(13)] public HashSet<ulong> ClosedOpportunities { get; set; } = new();

    [Id(14)] public bool IsNewCustomer { get; set; }

    [Id(15)] public DateTimeOffset? ChurnedAt { get; set; }

    /// <summary>The number of the last activity-log record applied (records apply in order): a checkpoint covers the log up to here.</summary>
    [Id(16)] public long LogSequence { get; set; }

    /// <summary>
    /// What each event-time day added to <see cref="Totals"/>, for the retained days: lets a territory tell its totals
    /// at the end of a past day from the events after it, whatever order they arrived in.
    /// </summary>
    [Id(30)] public DayMap<ActivityTotals> TotalsByDay { get; set; } = new();

    /// <summary>Where versions 1 to 3 kept <see cref="TotalsByDay"/>; read once by <see cref="MigrateFrom"/>, then null.</summary>
    [Id(17)] public SortedDictionary<int, ActivityTotals>? StoredTotalsByDay { get; set; }

    public void MigrateFrom(int version)
    {
        // 0 to 1: totals by day start empty: the events counted before the upgrade are not split by day.
        // 1 to 2: money by month starts empty: fiscal figures count the won value and revenue of events applied after
        // the upgrade (a rebuild from the activity log splits the earlier ones too).
        // 2 to 3: no account was orphaned or closed before: both start unset.
        // 3 to 4: the days move from sorted dictionaries into day maps (a state of any earlier version has them there).
        if (StoredTouchesByDay is not null || StoredTotalsByDay is not null)
        {
            TouchesByDay = DayMap<int>.From(StoredTouchesByDay ?? []);
            TotalsByDay = DayMap<ActivityTotals>.From(StoredTotalsByDay ?? []);
            StoredTouchesByDay = null;
            StoredTotalsByDay = null;
        }
    }

    /// <summary>Where the account was before each applied move, oldest first; null until it first moves.</summary>
    [Id(19)] public List<FormerAssignment>? FormerAssignments { get; set; }

    /// <summary>The event time from which the current assignment holds; null: since the plan start.</summary>
    [Id(20)] public DateTimeOffset? AssignedFrom { get; set; }

    /// <summary>A move prepared by a plan and not yet committed or aborted.</summary>
    [Id(21)] public PendingSwitch? PendingSwitch { get; set; }

    /// <summary>The plans whose move of this account committed, so a repeated commit changes nothing.</summary>
    [Id(22)] public List<string>? CommittedPlans { get; set; }

    /// <summary>Won value and revenue by month and rep for fiscal periods (<see cref="MonthlyMoneyLedger"/>); null until the first.</summary>
    [Id(23)] public List<RepMonthMoney>? MoneyByMonth { get; set; }

    /// <summary>The voids and amendments accepted; null until the first.</summary>
    [Id(24)] public CorrectionBook? Corrections { get; set; }

    /// <summary>Since when the account's owner is gone with nobody taking it over (a departure); null: never orphaned.</summary>
    [Id(25)] public DateTimeOffset? OrphanedFrom { get; set; }

    /// <summary>When a new owner took the orphaned account over (the effective time of the move); null: still orphaned.</summary>
    [Id(26)] public DateTimeOffset? OrphanedUntil { get; set; }

    /// <summary>When the CRM closed the account: from then on it asks for no work; its past activity stays credited.</summary>
    [Id(27)] public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>
    /// Events at or before this instant (UTC ticks) are refused: the ids of some were forgotten to stay within
    /// <see cref="MetricsOptions.MaxRememberedEventIds"/>, so a re-sent one could not be told from a new one.
    /// </summary>
    [Id(28)] public long ForgottenThroughTicks { get; set; }

    /// <summary>Whether the account is orphaned at <paramref name="at"/>.</summary>
    public bool IsOrphanedAt(DateTimeOffset at) => OrphanedFrom <= at && (OrphanedUntil is null || at < OrphanedUntil);

    /// <summary>The former assignment an event at <paramref name="at"/> is credited to; null: the current one.</summary>
    public FormerAssignment? FormerAssignmentAt(DateTimeOffset at)
    {
        if (FormerAssignments is null || (AssignedFrom is { } from && at >= from))
        {
            return null;
        }

        foreach (var former in FormerAssignments)
        {
            if (former.Holds(at))
            {
                return former;
            }
        }

        return null;
    }
}
