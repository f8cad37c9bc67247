using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Accounts;

namespace TerritoryGrid.Contracts.Metrics;

/// <summary>
/// An account's live figures; touches delivered and required are over the rolling window ending at <see cref="AsOf"/>.
/// <see cref="OwnerTouches"/> counts every touch its owner made on it: the strength of their relationship.
/// <see cref="OrphanedSince"/>: its owner left then and nobody has taken it over (null when it has a working owner);
/// <see cref="ClosedAt"/>: it was closed in the CRM then (no longer owed a call plan; its past activity stays).
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.AccountMetrics")]
public sealed record AccountMetrics(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TerritoryId,
    [property: Id(3)] string? OwnerRepId,
    [property: Id(4)] Segment Segment,
    [property: Id(5)] FunnelStage Stage,
    [property: Id(6)] string Industry,
    [property: Id(7)] string City,
    [property: Id(8)] double Latitude,
    [property: Id(9)] double Longitude,
    [property: Id(10)] double AnnualRevenue,
    [property: Id(11)] double AnnualCostToServe,
    [property: Id(12)] double RevenuePotential,
    [property: Id(13)] double DemandHoursPerWeek,
    [property: Id(14)] int TouchesDelivered,
    [property: Id(15)] double TouchesRequired,
    [property: Id(16)] DateTimeOffset? LastContactAt,
    [property: Id(17)] DateTimeOffset AsOf,
    [property: Id(18)] ActivityTotals Totals,
    [property: Id(19)] ProductAmount[] RevenueByProduct,
    [property: Id(20)] string[] RepsWorked,
    [property: Id(21)] int OwnerTouches = 0,
    [property: Id(22)] DateTimeOffset? OrphanedSince = null,
    [property: Id(23)] DateTimeOffset? ClosedAt = null)
{
    /// <summary>Annual net profit as the CRM reports it (revenue − cost to serve): the value segments rank by.</summary>
    public double AnnualNetProfit => AnnualRevenue - AnnualCostToServe;

    public double Adherence => Domain.Coverage.CallPlanAdherence.Ratio(
        Domain.Coverage.CallPlanAdherence.CreditedTouches(TouchesDelivered, TouchesRequired), TouchesRequired);
}
