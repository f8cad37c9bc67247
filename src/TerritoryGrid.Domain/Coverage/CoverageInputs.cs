namespace TerritoryGrid.Domain.Coverage;

/// <summary>What the classification looks at for one territory at one event-time instant.</summary>
public readonly record struct CoverageInputs(
    double CapacityHours,
    double DemandHours,
    double Adherence,
    int LeadsWaitingPastTarget,
    int RepCount)
{
    public double Coverage => Workload.CoverageRatio(CapacityHours, DemandHours);
}
