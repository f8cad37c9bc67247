namespace TerritoryGrid.Planning.Plans;

/// <summary>Rules every plan must keep (configuration section <c>Planning</c>).</summary>
public sealed class PlanningOptions
{
    public const string Section = "Planning";

    /// <summary>Most accounts one rep may own after a plan; 0: no limit.</summary>
    public int MaxAccountsPerRep { get; set; }

    /// <summary>When true, an account may only move to a territory of the same region (the boundary rule).</summary>
    public bool KeepRegions { get; set; }

    /// <summary>Most moves in one plan (a bound on validation and apply work).</summary>
    public int MaxMoves { get; set; } = 100_000;

    /// <summary>
    /// How long before its effective time a scheduled plan is applied by the scheduler (it must be applied before any
    /// account has activity at or after that time; figures of "now" follow the new alignment from then on).
    /// </summary>
    public TimeSpan ApplyLead { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Most events per second a stress test started through the API sends into its sandboxes: its share of the
    /// machine, so live monitoring keeps its latency while it runs (0: no cap).
    /// </summary>
    public double StressTestEventsPerSecond { get; set; } = 5_000;

    /// <summary>How often the scheduler looks for scheduled plans that are due.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(30);
}
