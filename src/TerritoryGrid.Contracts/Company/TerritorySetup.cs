namespace TerritoryGrid.Contracts.Company;

/// <summary>
/// A territory's definition, its reps' capacity, and its accounts: until every account has reported once, the
/// status is provisional and re-evaluated; after a recovery the territory asks each of them to report again, and the
/// accounts moved away by a plan (<see cref="FormerAccountIds"/>), which still report the activity of their time here.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.TerritorySetup")]
public sealed record TerritorySetup(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Region,
    [property: Id(2)] double AnnualQuota,
    [property: Id(3)] RepCapacity[] Reps,
    [property: Id(4)] int AccountCount,
    [property: Id(5)] DateTimeOffset PlanStart,
    [property: Id(6)] string[] AccountIds,
    [property: Id(7)] string[]? FormerAccountIds = null);

[GenerateSerializer, Immutable, Alias("tg.RepCapacity")]
public sealed record RepCapacity(
    [property: Id(0)] string RepId,
    [property: Id(1)] string Name,
    [property: Id(2)] double CapacityHoursPerWeek);
