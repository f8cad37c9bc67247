namespace TerritoryGrid.Domain.Coverage;

/// <summary>
/// What the classification looks at for one territory at one event-time instant. <see cref="OrphanedAccounts"/> are the
/// ids of its accounts whose owner left with no one taking them over.
/// </summary>
public readonly record struct CoverageInputs(
    double CapacityHours,
    double DemandHours,
    double Adherence,
    int LeadsWaitingPastTarget,
    int RepCount,
    IReadOnlyList<string>? OrphanedAccounts = null)
{
    public double Coverage => Workload.CoverageRatio(CapacityHours, DemandHours);
}
