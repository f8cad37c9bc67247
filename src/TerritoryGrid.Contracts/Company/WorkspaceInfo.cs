namespace TerritoryGrid.Contracts.Company;

/// <summary>
/// A workspace and the generation of its company. Every company load is a new generation, so grains of a replaced
/// company are never mixed with the new one's. <see cref="Currency"/> and <see cref="FiscalYearStartMonth"/> are the
/// workspace's commercial terms, filled in by the API (null from the grain).
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.WorkspaceInfo")]
public sealed record WorkspaceInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] WorkspaceKind Kind,
    [property: Id(2)] int Generation,
    [property: Id(3)] string? CompanyName,
    [property: Id(4)] string[] TerritoryIds,
    [property: Id(5)] string[] RepIds,
    [property: Id(6)] int AccountCount,
    [property: Id(7)] DateTimeOffset? PlanStart,
    [property: Id(8)] DateTimeOffset? LoadedAt,
    [property: Id(9)] int AlignmentVersion = 0,
    [property: Id(10)] string? AlignedBy = null,
    [property: Id(11)] string? Currency = null,
    [property: Id(12)] int? FiscalYearStartMonth = null)
{
    public bool HasCompany => Generation > 0;
}
