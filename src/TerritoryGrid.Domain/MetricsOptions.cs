using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Activity;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Domain;

/// <summary>How metrics are computed. Every threshold of DOMAIN.md is here, with its default; bound from "Metrics".</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    public CallPatternOptions CallPatterns { get; set; } = new();

    public WorkloadOptions Workload { get; set; } = new();

    public ClassificationOptions Classification { get; set; } = new();

    /// <summary>How segments are derived from annual net profit when a company does not give them.</summary>
    public SegmentationOptions Segmentation { get; set; } = new();

    /// <summary>
    /// Days of event time an event may lag its account's watermark and still count in the rolling windows; older
    /// ones count in totals only and are reported as late. The default is 7.
    /// </summary>
    public int LatenessDays { get; set; } = 7;

    /// <summary>
    /// Days of event time by which a territory may revise its daily status history when contributions arrive out of
    /// step (coalesced in another silo, or several batches in one flush). Accounts keep their touches and funnel
    /// spans for the window plus lateness plus these days, so every revised day is computed from complete data.
    /// The default is 28.
    /// </summary>
    public int RevisionDays { get; set; } = 28;

    /// <summary>Days of as-of data an account keeps: the window, the lateness and the revision margin.</summary>
    public int RetainedDays => Classification.WindowDays + LatenessDays + RevisionDays;

    /// <summary>
    /// Days of event time, before an account's watermark, within which a re-sent event id is recognised as a
    /// duplicate. Older events are refused so that nothing accepted can be counted twice. The default is 90.
    /// </summary>
    public int DuplicateHorizonDays { get; set; } = 90;

    /// <summary>Most event ids an account remembers for duplicate detection (bounds memory). The default is 1024.</summary>
    public int MaxRememberedEventIds { get; set; } = 1024;

    /// <summary>
    /// How far past a day boundary a territory's watermark must move before the day's status is recorded, so that
    /// events of the day before, still coalescing in other silos, are in. The default is 1 hour of event time.
    /// </summary>
    public TimeSpan StatusClosingDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Daily points kept per territory for its time series. The default is 400.</summary>
    public int TrendDays { get; set; } = 400;

    /// <summary>
    /// Days of daily snapshots (a territory's figures at the end of each day, for "as of" reads) kept per territory.
    /// The default is 1,096: three years.
    /// </summary>
    public int SnapshotDays { get; set; } = 1096;

    /// <summary>
    /// How long a changed rep, territory or workspace waits before writing its state. Without a durable log (in-memory
    /// storage, which keeps nothing past the process) reps and territories write only when they deactivate: a periodic
    /// copy into process memory protects nothing. The default is 30 seconds.
    /// </summary>
    public TimeSpan CheckpointDelay { get; set; } = TimeSpan.FromMinutes(0.5);

    /// <summary>
    /// How long a changed account waits before writing its state when the activity log is durable: the log already
    /// holds every accepted event, so the checkpoint only shortens the replay after a crash. Without a durable log an
    /// account writes only when it deactivates. The default is 5 minutes.
    /// </summary>
    public TimeSpan AccountCheckpointDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a territory holds a status change before announcing it (dashboard alert, webhook): the rest of a batch
    /// spanning days, reaching the territory in a later roll-up flush, refines the change's figures or revises it away
    /// in that time, and the change is announced once, as settled. The default is 500 ms.
    /// </summary>
    public TimeSpan StatusSettleDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Most often a territory announces a change to dashboards. The default is 250 ms.</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often coalesced account contributions are sent to territories (the live overview). The default is 100 ms.</summary>
    public TimeSpan RollupFlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How often they are sent to reps (drill-down detail): with many reps, nearly every rep would get a call every
    /// territory flush. A multiple of <see cref="RollupFlushInterval"/>; the default is 1 second.
    /// </summary>
    public TimeSpan RepRollupFlushInterval { get; set; } = TimeSpan.FromSeconds(1);
}
