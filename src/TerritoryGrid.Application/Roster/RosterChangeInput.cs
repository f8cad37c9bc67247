using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Application.Roster;

/// <summary>
/// One roster change as posted. <see cref="Kind"/>: <c>leave</c> (availability 0 from <see cref="EffectiveAt"/>,
/// back at <see cref="Until"/> if given), <c>departure</c> (0 from then on; the rep's accounts are orphaned until
/// reassigned), <c>availability</c> (set
/// <see cref="Availability"/>), <c>hire</c> (a new rep in <see cref="TerritoryId"/>, ramping up to full availability
/// over <see cref="RampWeeks"/>, default 12, in three equal steps).
/// </summary>
public sealed record RosterChangeInput(
    string RepId,
    string Kind,
    DateTimeOffset EffectiveAt,
    DateTimeOffset? Until = null,
    double? Availability = null,
    string? TerritoryId = null,
    string? Name = null,
    RepRole? Role = null,
    GeoPoint? Home = null,
    double? SellingHoursPerWeek = null,
    int? RampWeeks = null);
