using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Application.Queries;

/// <summary>Filters territories by status and orders them, the same for live and "as of" lists.</summary>
public static class TerritoryOrder
{
    public static IReadOnlyList<TerritoryMetrics> Apply(
        IEnumerable<TerritoryMetrics> territories, ServiceStatus? status, TerritorySort sort, bool descending)
    {
        var list = territories.Where(t => status is null || t.Status == status);
        Func<TerritoryMetrics, object> key = sort switch
        {
            TerritorySort.Coverage => t => t.Coverage ?? double.PositiveInfinity,
            TerritorySort.Adherence => t => t.Adherence,
            TerritorySort.Revenue => t => t.Totals.Revenue,
            TerritorySort.NetProfit => t => t.NetProfit,
            TerritorySort.Conversion => t => t.Funnel.ConversionRate,
            TerritorySort.DemandHours => t => t.DemandHours,
            TerritorySort.RevenueAtRisk => t => t.RevenueAtRisk,
            TerritorySort.Status => t => t.Status,
            _ => t => t.Name,
        };
        var ordered = descending ? list.OrderByDescending(key) : list.OrderBy(key);
        return ordered.ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
    }
}
