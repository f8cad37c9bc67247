using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Synthetic.Companies;

/// <summary>A territory being generated: its place, its cities, and the coverage it is meant to start with.</summary>
internal sealed record TerritoryPlan(TerritoryDefinition Definition, Region Region, GeoPoint Centre, IReadOnlyList<(string City, GeoPoint Centre)> Cities, double TargetCoverage);
