namespace TerritoryGrid.Domain.Coverage;

/// <summary>Whether a territory (or rep) has the capacity and delivery its accounts need.</summary>
public enum ServiceStatus
{
    Balanced = 0,
    UnderServed = 1,
    OverServed = 2,
}
