using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Contracts.Company;

[GenerateSerializer, Immutable, Alias("tg.RepSetup")]
public sealed record RepSetup(
    [property: Id(0)] string Name,
    [property: Id(1)] string TerritoryId,
    [property: Id(2)] RepRole Role,
    [property: Id(3)] double HomeLatitude,
    [property: Id(4)] double HomeLongitude,
    [property: Id(5)] double SellingHoursPerWeek,
    [property: Id(6)] double Availability,
    [property: Id(7)] double ExperienceYears,
    [property: Id(8)] double AnnualQuota,
    [property: Id(9)] int OwnedAccounts,
    [property: Id(10)] DateTimeOffset PlanStart);
