namespace TerritoryGrid.Contracts.Plans;

/// <summary>
/// A plan stress test started through the API: the scenario against today's alignment and the plans named, with its
/// progress, and when done the comparison (figures as JSON, comparison.csv and comparison.html) or why it failed.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.StressTestRecord")]
public sealed record StressTestRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string Scenario,
    [property: Id(2)] string[] PlanIds,
    [property: Id(3)] string StartedBy,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] string Status,
    [property: Id(6)] string? Progress = null,
    [property: Id(7)] DateTimeOffset? FinishedAt = null,
    [property: Id(8)] string? FiguresJson = null,
    [property: Id(9)] string? ComparisonCsv = null,
    [property: Id(10)] string? ComparisonHtml = null,
    [property: Id(11)] string? Error = null,
    [property: Id(12)] string[]? Workspaces = null)
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";
}
