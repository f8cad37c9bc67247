using TerritoryGrid.Domain.Commercial;

namespace TerritoryGrid.Contracts.Commercial;

/// <summary>An imported quota: a rep's or territory's target for one fiscal period (FY2027, FY2027-Q3, FY2027-M05).</summary>
[GenerateSerializer, Immutable, Alias("tg.PeriodQuota")]
public sealed record PeriodQuota(
    [property: Id(0)] QuotaOwnerKind OwnerType,
    [property: Id(1)] string OwnerId,
    [property: Id(2)] string Period,
    [property: Id(3)] double Amount);
