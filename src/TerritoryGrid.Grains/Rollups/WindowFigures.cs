namespace TerritoryGrid.Grains.Rollups;

/// <summary>Demand and call-plan figures of a set of accounts as of one event-time instant.</summary>
internal readonly record struct WindowFigures(
    double DemandHours,
    double CreditedTouches,
    double RequiredTouches,
    int LeadsWaitingPastTarget,
    double RevenueAtRisk)
{
    public double Adherence => Domain.Coverage.CallPlanAdherence.Ratio(CreditedTouches, RequiredTouches);
}
