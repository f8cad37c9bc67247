using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Commercial;

namespace TerritoryGrid.Application.Commercial;

/// <summary>Adds the fiscal quarter's and year's figures against quota to territories' and reps' metrics, at each one's watermark.</summary>
public static class FiscalFigures
{
    public static TerritoryMetrics With(TerritoryMetrics territory, WorkspaceTerms terms) => territory with
    {
        Fiscal = PeriodPerformance.Compute(
            terms.Calendar, terms.Currency, territory.Watermark, Months(territory.MoneyByMonth),
            terms.QuotasOf(QuotaOwnerKind.Territory, territory.Id, territory.AnnualQuota), territory.Totals.OpenPipeline),
    };

    public static RepMetrics With(RepMetrics rep, WorkspaceTerms terms) => rep with
    {
        Fiscal = PeriodPerformance.Compute(
            terms.Calendar, terms.Currency, rep.Watermark, Months(rep.MoneyByMonth),
            terms.QuotasOf(QuotaOwnerKind.Rep, rep.Id, rep.AnnualQuota), rep.Totals.OpenPipeline),
    };

    private static Dictionary<int, MonthlyMoney> Months(MonthMoney[]? months) =>
        (months ?? []).ToDictionary(m => m.Month, m => new MonthlyMoney(m.WonValue, m.Revenue));
}
