namespace TerritoryGrid.Synthetic.History;

/// <summary>The products the synthetic company sells.</summary>
public static class Catalogue
{
    public static readonly string[] Products = ["Core Platform", "Analytics Add-on", "Field Kit", "Support Plus", "Training"];

    /// <summary>Share of leads qualified into opportunities; the rest are disqualified after a few days.</summary>
    public const double QualificationRate = 0.45;

    /// <summary>Leads per account per day, on average, before the industry factor.</summary>
    public const double LeadsPerAccountPerDay = 0.004;

    /// <summary>
    /// Weekly hours an account's open funnel needs on average: leads stay open about 7.5 days (until qualified or
    /// disqualified), opportunities about 26 days. Sizing counts them, or the company would start short of capacity.
    /// </summary>
    public static double ExpectedFunnelHoursPerWeek(string industry, Domain.Coverage.WorkloadOptions workload)
    {
        var leadsPerDay = LeadsPerAccountPerDay * LeadRateFactor(industry);
        var openLeads = leadsPerDay * 7.5;
        var openOpportunities = leadsPerDay * QualificationRate * 26;
        return openLeads * workload.HoursPerOpenLeadPerWeek + openOpportunities * workload.HoursPerOpenOpportunityPerWeek;
    }

    /// <summary>Leads a day per account, relative to the average, by industry.</summary>
    public static double LeadRateFactor(string industry) => industry switch
    {
        "Technology" => 1.6,
        "Retail" => 1.3,
        "Healthcare" => 1.1,
        "Construction" => 0.9,
        "Education" => 0.8,
        "Finance" => 1.0,
        "Manufacturing" => 0.9,
        _ => 1.0,
    };

    /// <summary>Share of qualified opportunities won, by industry.</summary>
    public static double WinRate(string industry) => industry switch
    {
        "Technology" => 0.30,
        "Education" => 0.45,
        "Healthcare" => 0.38,
        _ => 0.35,
    };
}
