using System.Text.Json.Serialization;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Commercial;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Domain.Pipeline;

namespace TerritoryGrid.Contracts.Metrics;

/// <summary>
/// A rep's live figures. Workload, potential and adherence come from the accounts the rep owns; activity totals
/// (conversations, conversion, pipeline, won value) from what the rep did, on any account. Capacity and availability
/// are those in force at the rep's watermark.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.RepMetrics")]
public sealed record RepMetrics(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TerritoryId,
    [property: Id(3)] RepRole Role,
    [property: Id(4)] double CapacityHours,
    [property: Id(5)] double Availability,
    [property: Id(6)] int AccountsOwned,
    [property: Id(7)] double WorkloadHours,
    [property: Id(8)] double RevenuePotential,
    [property: Id(9)] double BookRevenue,
    [property: Id(10)] double Adherence,
    [property: Id(11)] ActivityTotals Totals,
    [property: Id(12)] double AnnualQuota,
    [property: Id(13)] DateTimeOffset Watermark,
    [property: Id(14)] string[] OwnedAccountIds,
    [property: Id(15)] double SellingHoursPerWeek = 0,
    [property: Id(16), JsonIgnore] MonthMoney[]? MoneyByMonth = null)
{
    /// <summary>The rep's fiscal quarter and year against quota (see <see cref="TerritoryMetrics.Fiscal"/>); filled in by the metrics reader.</summary>
    [field: NonSerialized]
    public PeriodPerformance? Fiscal { get; init; }

    public double Utilisation => Workload.Utilisation(WorkloadHours, CapacityHours);

    public FunnelFigures Funnel => FunnelFigures.From(Totals);

    /// <summary>Won value in the fiscal quarter ÷ its quota; without the fiscal figures, all won value ÷ the annual quota.</summary>
    public double QuotaAttainment => Fiscal is { } fiscal ? fiscal.Attainment ?? 0 : Rates.QuotaAttainment(Totals.WonValue, AnnualQuota);
}
