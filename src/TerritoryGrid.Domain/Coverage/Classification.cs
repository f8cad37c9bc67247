namespace TerritoryGrid.Domain.Coverage;

/// <summary>A status with the reason a person can act on.</summary>
public sealed record Classification(ServiceStatus Status, string Reason);
