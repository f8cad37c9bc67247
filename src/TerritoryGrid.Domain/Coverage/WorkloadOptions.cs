namespace TerritoryGrid.Domain.Coverage;

/// <summary>Parameters of the workload–capacity model. Defaults are DOMAIN.md's.</summary>
public sealed class WorkloadOptions
{
    /// <summary>Travel speed for in-person touches, km/h. The default is 50.</summary>
    public double TravelSpeedKmPerHour { get; set; } = 50;

    /// <summary>Hours of work each open lead needs per week. The default is 0.5.</summary>
    public double HoursPerOpenLeadPerWeek { get; set; } = 0.5;

    /// <summary>Hours of work each open opportunity needs per week. The default is 1.5.</summary>
    public double HoursPerOpenOpportunityPerWeek { get; set; } = 1.5;

    /// <summary>Selling hours per week of a fully available rep. The default is 30.</summary>
    public double SellingHoursPerWeek { get; set; } = 30;
}
