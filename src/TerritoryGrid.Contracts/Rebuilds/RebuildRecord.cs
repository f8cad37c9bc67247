namespace TerritoryGrid.Contracts.Rebuilds;

/// <summary>
/// A workspace's metrics being recomputed from its stored activity (after a change of thresholds, call patterns or
/// formulas): who started it, how far the replay has got, and how it ended.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.RebuildRecord")]
public sealed record RebuildRecord(
    [property: Id(0)] string Workspace,
    [property: Id(1)] int Generation,
    [property: Id(2)] string StartedBy,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] string Status,
    [property: Id(5)] string Phase,
    [property: Id(6)] long RecordsTotal,
    [property: Id(7)] long RecordsReplayed = 0,
    [property: Id(8)] long EventsReplayed = 0,
    [property: Id(9)] DateTimeOffset? UpdatedAt = null,
    [property: Id(10)] DateTimeOffset? FinishedAt = null,
    [property: Id(11)] string? Error = null)
{
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>The phase while territories and accounts forget what they computed.</summary>
    public const string Resetting = "resetting";

    /// <summary>The phase while the stored activity is applied again.</summary>
    public const string Replaying = "replaying";

    /// <summary>The phase while territories settle and announce their rebuilt status.</summary>
    public const string Finishing = "finishing";

    public bool IsRunning => Status == Running;

    /// <summary>Share of the stored records replayed, 0 to 1.</summary>
    public double Progress => RecordsTotal == 0 ? (Status == Done ? 1 : 0) : Math.Min(1, (double)RecordsReplayed / RecordsTotal);
}
