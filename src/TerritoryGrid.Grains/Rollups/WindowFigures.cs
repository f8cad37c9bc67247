namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// Demand and call-plan figures of a set of accounts as of one event-time instant; <see cref="Orphaned"/> names the
/// accounts orphaned then, in id order (null when none is).
/// </summary>
internal readonly record struct WindowFigures(
    double DemandHours,
    double CreditedTouches,
    double RequiredTouches,
    int LeadsWaitingPastTarget,
    double RevenueAtRisk,
    string[]? Orphaned = null)
{
    public double Adherence => Domain.Coverage.CallPlanAdherence.Ratio(CreditedTouches, RequiredTouches);
}
