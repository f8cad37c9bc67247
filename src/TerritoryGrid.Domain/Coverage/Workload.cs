using TerritoryGrid.Domain.Activity;

namespace TerritoryGrid.Domain.Coverage;

/// <summary>Demand (workload) and capacity hours per week, after Zoltners &amp; Sinha's workload–capacity model.</summary>
public static class Workload
{
    /// <summary>
    /// Weekly demand hours of one account: its call pattern spread over 4 weeks, travel there and back for
    /// in-person touches, and time for open leads and opportunities.
    /// </summary>
    public static double DemandHoursPerWeek(
        CallPattern pattern, double travelKmOneWay, int openLeads, int openOpportunities, WorkloadOptions options)
    {
        var touchesPerWeek = pattern.TouchesPer4Weeks / 4.0;
        var touchHours = touchesPerWeek * pattern.MinutesPerTouch / 60.0;
        var travelHours = pattern.MinimumChannel == Channel.Visit
            ? touchesPerWeek * 2 * Math.Max(0, travelKmOneWay) / options.TravelSpeedKmPerHour
            : 0;
        var funnelHours = openLeads * options.HoursPerOpenLeadPerWeek + openOpportunities * options.HoursPerOpenOpportunityPerWeek;
        return touchHours + travelHours + funnelHours;
    }

    /// <summary>Weekly capacity hours of a rep: selling hours × availability (ramp-up, leave), availability clamped to [0, 1].</summary>
    public static double CapacityHoursPerWeek(double sellingHoursPerWeek, double availability) =>
        Math.Max(0, sellingHoursPerWeek) * Math.Clamp(availability, 0, 1);

    /// <summary>Coverage ratio = capacity ÷ demand; a territory with no demand is fully covered (infinity is not a useful number).</summary>
    public static double CoverageRatio(double capacityHours, double demandHours) =>
        demandHours <= 0 ? (capacityHours > 0 ? double.PositiveInfinity : 1) : capacityHours / demandHours;

    /// <summary>Share of capacity the workload uses.</summary>
    public static double Utilisation(double workloadHours, double capacityHours) =>
        capacityHours <= 0 ? (workloadHours > 0 ? double.PositiveInfinity : 0) : workloadHours / capacityHours;
}
