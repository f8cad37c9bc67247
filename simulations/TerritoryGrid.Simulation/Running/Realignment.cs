using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Simulator.Running;

/// <summary>A company as a plan leaves it, and the ramp-up in weeks of each rep the plan adds.</summary>
public sealed record Realignment(CompanyDefinition Company, IReadOnlyDictionary<string, int> RampWeeks);
