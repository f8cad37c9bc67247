using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Synthetic.Companies;

namespace TerritoryGrid.Synthetic.History;

/// <summary>
/// How much of its call plan each territory can deliver: reps work up to their capacity, so a territory whose demand
/// exceeds its capacity delivers that share of its touches and falls behind.
/// </summary>
internal static class TerritoryDelivery
{
    /// <summary>Share of planned touches delivered in a territory that has all the capacity it needs.</summary>
    public const double Diligence = 0.97;

    public static Dictionary<string, double> Rates(CompanyDefinition company, MetricsOptions metrics)
    {
        var reps = company.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var demand = company.Accounts
            .Where(a => a.OwnerRepId is not null)
            .GroupBy(a => a.TerritoryId)
            .ToDictionary(g => g.Key, g => g.Sum(a =>
                CompanyGenerator.AccountDemand(a, reps[a.OwnerRepId!].Home, metrics) + Catalogue.ExpectedFunnelHoursPerWeek(a.Industry, metrics.Workload)));
        var capacity = company.Reps
            .GroupBy(r => r.TerritoryId)
            .ToDictionary(g => g.Key, g => g.Sum(r => Workload.CapacityHoursPerWeek(r.SellingHoursPerWeek ?? metrics.Workload.SellingHoursPerWeek, r.Availability)));
        return company.Territories.ToDictionary(
            t => t.Id,
            t => Diligence * Math.Min(1, Workload.CoverageRatio(capacity.GetValueOrDefault(t.Id), demand.GetValueOrDefault(t.Id))));
    }
}
