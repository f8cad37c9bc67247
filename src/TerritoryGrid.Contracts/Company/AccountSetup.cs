using TerritoryGrid.Domain.Accounts;

namespace TerritoryGrid.Contracts.Company;

/// <summary>Everything an account grain needs to start: its assignment, segment, place and the owner's home for travel.</summary>
[GenerateSerializer, Immutable, Alias("tg.AccountSetup")]
public sealed record AccountSetup(
    [property: Id(0)] string Name,
    [property: Id(1)] string TerritoryId,
    [property: Id(2)] string? OwnerRepId,
    [property: Id(3)] Segment Segment,
    [property: Id(4)] FunnelStage Stage,
    [property: Id(5)] string Industry,
    [property: Id(6)] string City,
    [property: Id(7)] double Latitude,
    [property: Id(8)] double Longitude,
    [property: Id(9)] double TravelKmFromOwner,
    [property: Id(10)] double AnnualRevenue,
    [property: Id(11)] double AnnualCostToServe,
    [property: Id(12)] double RevenuePotential,
    [property: Id(13)] DateTimeOffset PlanStart);
