using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Domain.Company;

/// <summary>
/// An account with its assignment. <see cref="AnnualRevenue"/> and <see cref="AnnualCostToServe"/> are the trailing
/// 12 months as the CRM has them; <see cref="Segment"/> is derived from net profit when not given; <see cref="Employees"/>
/// is the account's size as the CRM records it. <see cref="OrphanedSince"/>: the owner left at that event time and no
/// one has taken the account over yet (an orphaned account is under-served by definition); a plan or sync that gives it
/// a new owner clears it.
/// </summary>
public sealed record AccountDefinition(
    string Id,
    string Name,
    string TerritoryId,
    string? OwnerRepId,
    string Industry,
    string City,
    GeoPoint Location,
    double AnnualRevenue = 0,
    double AnnualCostToServe = 0,
    double? RevenuePotential = null,
    Segment? Segment = null,
    FunnelStage Stage = FunnelStage.Customer,
    int? Employees = null,
    DateTimeOffset? OrphanedSince = null);
