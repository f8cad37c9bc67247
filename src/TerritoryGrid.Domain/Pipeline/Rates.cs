namespace TerritoryGrid.Domain.Pipeline;

/// <summary>Funnel ratios. Every ratio with a zero denominator is 0: no leads means no conversion, not an error.</summary>
public static class Rates
{
    /// <summary>Conversion rate = new accounts ÷ leads.</summary>
    public static double Conversion(int newAccounts, int leads) => Ratio(newAccounts, leads);

    public static double LeadToOpportunity(int opportunities, int leads) => Ratio(opportunities, leads);

    public static double OpportunityToWin(int wins, int closedOpportunities) => Ratio(wins, closedOpportunities);

    /// <summary>Pipeline coverage = open pipeline ÷ remaining quota; 0 when no quota remains or none is set.</summary>
    public static double PipelineCoverage(double openPipeline, double quota, double achieved)
    {
        var remaining = quota - achieved;
        return remaining <= 0 ? 0 : openPipeline / remaining;
    }

    public static double QuotaAttainment(double achieved, double quota) => quota <= 0 ? 0 : achieved / quota;

    public static double Ratio(double numerator, double denominator) => denominator <= 0 ? 0 : numerator / denominator;
}
