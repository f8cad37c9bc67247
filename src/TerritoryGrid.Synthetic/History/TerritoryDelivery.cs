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

    /// <summary>
    /// Each territory's delivery rate in each week of <paramref name="spec"/>'s period: the funnel's hours scale with
    /// the season's demand multiplier, the call plan does not; reps deliver up to their capacity.
    /// </summary>
    public static Dictionary<string, double[]> WeeklyRates(CompanyDefinition company, HistorySpec spec, MetricsOptions metrics)
    {
        var reps = company.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var weeks = Math.Max(1, (int)Math.Ceiling((spec.To - spec.From).TotalDays / 7));
        var capacity = company.Reps.GroupBy(r => r.TerritoryId).ToDictionary(g => g.Key, g =>
            g.Sum(r => Workload.CapacityHoursPerWeek(r.SellingHoursPerWeek ?? metrics.Workload.SellingHoursPerWeek, r.Availability)));
        var demand = company.Territories.ToDictionary(t => t.Id, _ => new double[weeks]);
        foreach (var account in company.Accounts.Where(a => a.OwnerRepId is not null))
        {
            var plan = CompanyGenerator.AccountDemand(account, reps[account.OwnerRepId!].Home, metrics);
            var funnel = Catalogue.ExpectedFunnelHoursPerWeek(account.Industry, metrics.Workload);
            var territory = demand[account.TerritoryId];
            for (var w = 0; w < weeks; w++)
            {
                territory[w] += plan + funnel * spec.MultiplierAt(account, spec.From.AddDays(7 * w + 3.5));
            }
        }

        return demand.ToDictionary(d => d.Key, d => d.Value
            .Select((hours, week) =>
            {
                var available = spec.CapacityAt?.Invoke(d.Key, spec.From.AddDays(7 * week + 3.5)) ?? capacity.GetValueOrDefault(d.Key);
                return Diligence * Math.Min(1, Workload.CoverageRatio(available, hours));
            })
            .ToArray());
    }
}
