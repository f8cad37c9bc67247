using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Server.Dashboard;

/// <summary>
/// What an overview frame carries of one territory: the overview's columns, its status and why, what a past day's
/// company coverage is summed from, the count that says a batch has arrived, and the coverage trend the sparkline
/// draws; also the REST listing's <c>view=overview</c>, which the page reads on load and after a reconnect. The whole
/// figures (~2.5 KB of JSON a territory without its trend, ~13 KB with it) stay with the listing's full view and the
/// drill-down's territory frames: a browser receiving hundreds of territories ten times a second spent its main thread
/// taking in the message (a frame of 1,000 territories with their trends held it for 200–300 ms).
/// </summary>
public sealed record TerritoryOverview(
    string Id,
    string Name,
    string? Region,
    DateTimeOffset Watermark,
    ServiceStatus Status,
    string StatusReason,
    DateTimeOffset? StatusSince,
    double? Coverage,
    double Adherence,
    double DemandHours,
    double CapacityHours,
    double Revenue,
    double NetProfit,
    double ConversionRate,
    long Events,
    double?[] CoverageTrend)
{
    public static TerritoryOverview Of(TerritoryMetrics metrics) => new(
        metrics.Id, metrics.Name, metrics.Region, metrics.Watermark, metrics.Status, metrics.StatusReason, metrics.StatusSince,
        metrics.Coverage, metrics.Adherence, metrics.DemandHours, metrics.CapacityHours, metrics.Totals.Revenue, metrics.NetProfit,
        metrics.Funnel.ConversionRate, metrics.Totals.Events, [.. metrics.Trend.Select(point => point.Coverage)]);
}
