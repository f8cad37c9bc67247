using System.Text.Json.Serialization;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Commercial;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Domain.Pipeline;

namespace TerritoryGrid.Contracts.Metrics;

/// <summary>
/// A territory's live figures at its event-time <see cref="Watermark"/>. <see cref="Status"/> is the classification
/// made at the last day boundary the watermark crossed (deterministic); coverage and adherence are live.
/// <see cref="OrphanedAccounts"/>: its accounts orphaned at the watermark (owner left, not reassigned).
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.TerritoryMetrics")]
public sealed record TerritoryMetrics(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Region,
    [property: Id(3)] DateTimeOffset Watermark,
    [property: Id(4)] ServiceStatus Status,
    [property: Id(5)] string StatusReason,
    [property: Id(6)] DateTimeOffset? StatusSince,
    [property: Id(7)] double DemandHours,
    [property: Id(8)] double CapacityHours,
    [property: Id(9)] double Adherence,
    [property: Id(10)] int LeadsWaitingPastTarget,
    [property: Id(11)] int RepCount,
    [property: Id(12)] int AccountCount,
    [property: Id(13)] int AccountsReporting,
    [property: Id(14)] ActivityTotals Totals,
    [property: Id(15)] ProductAmount[] RevenueByProduct,
    [property: Id(16)] double RevenuePotential,
    [property: Id(17)] double RevenueAtRisk,
    [property: Id(18)] double AnnualQuota,
    [property: Id(19)] DailyPoint[] Trend,
    [property: Id(20), JsonIgnore] MonthMoney[]? MoneyByMonth = null,
    [property: Id(21)] string[]? OrphanedAccounts = null)
{
    /// <summary>
    /// The figures of the fiscal quarter and year holding the watermark, against the quota, in the workspace's
    /// currency: filled in by the metrics reader, which knows the workspace's calendar and quotas (not serialised between silos).
    /// </summary>
    [field: NonSerialized]
    public PeriodPerformance? Fiscal { get; init; }

    /// <summary>Capacity ÷ demand; null when the territory has no demand (no ratio to speak of).</summary>
    public double? Coverage => DemandHours > 0 ? Workload.CoverageRatio(CapacityHours, DemandHours) : null;

    public double NetProfit => Totals.NetProfit;

    public FunnelFigures Funnel => FunnelFigures.From(Totals);

    /// <summary>Open pipeline ÷ the quota left in the fiscal quarter; without the fiscal figures, of the annual quota less all won value.</summary>
    public double PipelineCoverage => Fiscal is { } fiscal
        ? fiscal.PipelineCoverage ?? 0
        : Rates.PipelineCoverage(Totals.OpenPipeline, AnnualQuota, Totals.WonValue);

    /// <summary>Won value in the fiscal quarter ÷ its quota; without the fiscal figures, all won value ÷ the annual quota.</summary>
    public double QuotaAttainment => Fiscal is { } fiscal ? fiscal.Attainment ?? 0 : Rates.QuotaAttainment(Totals.WonValue, AnnualQuota);
}
