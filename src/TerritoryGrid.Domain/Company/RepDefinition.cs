using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Domain.Company;

/// <summary>
/// A rep: role, home (travel starts there), weekly selling hours and availability (ramp-up, leave). A rep with a
/// <see cref="StartDate"/> ramps up from it (a third, two thirds, then full availability over the ramp-up weeks), and
/// has no capacity before it.
/// </summary>
public sealed record RepDefinition(
    string Id,
    string Name,
    string TerritoryId,
    RepRole Role,
    GeoPoint Home,
    double? SellingHoursPerWeek = null,
    double Availability = 1.0,
    double ExperienceYears = 0,
    double? AnnualQuota = null,
    DateTimeOffset? StartDate = null);
