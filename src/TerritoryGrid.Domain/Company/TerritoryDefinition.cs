namespace TerritoryGrid.Domain.Company;

/// <summary>A territory as a company defines it.</summary>
public sealed record TerritoryDefinition(string Id, string Name, string? Region = null, double? AnnualQuota = null);
