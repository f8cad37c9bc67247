namespace TerritoryGrid.Grains.Rollups;

/// <summary>Call-plan figures of a set of accounts at one event-time day.</summary>
internal readonly record struct WindowFigures(
    double CreditedTouches,
    double RequiredTouches,
    int LeadsWaitingPastTarget,
    double RevenueAtRisk)
{
    public double Adherence => Domain.Coverage.CallPlanAdherence.Ratio(CreditedTouches, RequiredTouches);
}
