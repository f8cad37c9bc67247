using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Pipeline;

namespace TerritoryGrid.Contracts.Metrics;

/// <summary>The ratios derived from activity totals, the same way for accounts, reps and territories.</summary>
public sealed record FunnelFigures(
    double ConversionRate,
    double LeadToOpportunityRate,
    double OpportunityToWinRate,
    double? AverageSalesCycleDays,
    double? NetPromoterScore)
{
    public static FunnelFigures From(in ActivityTotals totals) => new(
        Rates.Conversion(totals.NewAccounts, totals.Leads),
        Rates.LeadToOpportunity(totals.Opportunities, totals.Leads),
        Rates.OpportunityToWin(totals.Wins, totals.Wins + totals.Losses),
        totals.SalesCycleCount == 0 ? null : totals.SalesCycleDaysSum / totals.SalesCycleCount,
        Domain.Pipeline.NetPromoterScore.Score(totals.NpsPromoters, totals.NpsDetractors, totals.NpsResponses));
}
