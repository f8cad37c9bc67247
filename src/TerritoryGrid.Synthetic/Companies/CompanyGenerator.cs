using Bogus;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Synthetic.Companies;

/// <summary>
/// Generates a realistic company from a seed: regions with their own industry mix, territories clustered around a
/// few cities, Pareto-distributed account value, A accounts owned by outside reps and B/C by inside reps, and rep
/// capacity sized so the company as a whole is covered (coverage 1.0) while its territories start unbalanced.
/// The same spec always gives the same company.
/// </summary>
public static class CompanyGenerator
{
    private const double TerritorySpreadKm = 160;
    private const double CitySpreadKm = 30;

    public static CompanyDefinition Generate(CompanySpec spec, MetricsOptions? metrics = null)
    {
        metrics ??= new MetricsOptions();
        var options = new MetricsOptionsView(metrics.CallPatterns, metrics.Workload);
        var faker = new Faker("en") { Random = new Randomizer(spec.Seed) };
        var plans = PlanTerritories(faker, spec);

        var nextAccount = 1;
        var shares = plans.Select(_ => faker.Random.Double(0.7, 1.3)).ToArray();
        var counts = Apportion(spec.AccountCount, shares, minimum: 1);
        var accounts = plans.SelectMany((plan, i) => AccountFactory.Create(faker, plan, counts[i], spec.ProspectShare, ref nextAccount)).ToList();
        var segments = Segmenter.Assign(accounts, a => a.Id, a => a.AnnualRevenue - a.AnnualCostToServe, metrics.Segmentation);
        accounts = [.. accounts.Select(a => a with { Segment = segments[a.Id] })];
        var byTerritory = accounts.GroupBy(a => a.TerritoryId).ToDictionary(g => g.Key, g => g.ToList());

        var estimated = plans.Select(p => EstimateDemand(byTerritory[p.Definition.Id], p.Centre, options)).ToArray();
        var headcount = Apportion(spec.RepCount, plans.Select((p, i) => estimated[i].Total * p.TargetCoverage).ToArray(), minimum: 2);

        var nextRep = 1;
        var reps = new List<RepDefinition>();
        var owned = new List<AccountDefinition>();
        var demand = new double[plans.Count];
        for (var i = 0; i < plans.Count; i++)
        {
            var (outside, inside) = RepRoster.Split(headcount[i], estimated[i].Outside, estimated[i].Inside);
            var territoryReps = RepRoster.Create(faker, plans[i], outside, inside, ref nextRep);
            var assigned = AccountAssignment.Assign(byTerritory[plans[i].Definition.Id], territoryReps, options);
            demand[i] = assigned.Sum(a => ExpectedDemand(a, territoryReps.First(r => r.Id == a.OwnerRepId).Home, options));
            reps.AddRange(territoryReps);
            owned.AddRange(assigned);
        }

        reps = SizeCapacity(plans, reps, demand, options);
        (reps, var territories) = SetQuotas(plans, reps, owned);
        return new CompanyDefinition(spec.Name, territories, reps, [.. owned.OrderBy(a => a.Id, StringComparer.Ordinal)], spec.PlanStart);
    }

    /// <summary>Weekly demand hours of an account owned by a rep living at <paramref name="home"/>.</summary>
    public static double AccountDemand(AccountDefinition account, GeoPoint home, MetricsOptions metrics) =>
        AccountDemand(account, home, new MetricsOptionsView(metrics.CallPatterns, metrics.Workload));

    private static double AccountDemand(AccountDefinition account, GeoPoint home, MetricsOptionsView options) =>
        Workload.DemandHoursPerWeek(options.Patterns.For(account.Segment!.Value), home.DistanceKmTo(account.Location), 0, 0, options.Workload);

    /// <summary>Demand including the funnel's expected open leads and opportunities: what capacity is sized for.</summary>
    private static double ExpectedDemand(AccountDefinition account, GeoPoint home, MetricsOptionsView options) =>
        AccountDemand(account, home, options) + History.Catalogue.ExpectedFunnelHoursPerWeek(account.Industry, options.Workload);

    private static List<TerritoryPlan> PlanTerritories(Faker faker, CompanySpec spec)
    {
        var targets = Enumerable.Range(0, spec.TerritoryCount)
            .Select(i => spec.TerritoryCount == 1 ? 1.0 : spec.LowestCoverage + (spec.HighestCoverage - spec.LowestCoverage) * i / (spec.TerritoryCount - 1))
            .ToList();
        targets = [.. faker.Random.Shuffle(targets)];
        var plans = new List<TerritoryPlan>(spec.TerritoryCount);
        for (var i = 0; i < spec.TerritoryCount; i++)
        {
            var region = Region.All[i % Region.All.Count];
            var centre = GeoJitter.Around(faker.Random, new GeoPoint(region.Latitude, region.Longitude), TerritorySpreadKm);
            var cities = Enumerable.Range(0, faker.Random.Int(3, 5))
                .Select(_ => (faker.Address.City(), GeoJitter.Around(faker.Random, centre, CitySpreadKm)))
                .ToList();
            var definition = new TerritoryDefinition($"terr-{i + 1:D2}", $"{region.Name} – {cities[0].Item1}", region.Name);
            plans.Add(new TerritoryPlan(definition, region, centre, cities, targets[i]));
        }

        return plans;
    }

    private static (double Outside, double Inside, double Total) EstimateDemand(List<AccountDefinition> accounts, GeoPoint centre, MetricsOptionsView options)
    {
        double outside = 0, inside = 0;
        foreach (var account in accounts)
        {
            var hours = ExpectedDemand(account, centre, options);
            if (account.Segment == Segment.A)
            {
                outside += hours;
            }
            else
            {
                inside += hours;
            }
        }

        return (outside, inside, outside + inside);
    }

    /// <summary>Sets selling hours so each territory starts at its target coverage and the company at 1.0.</summary>
    private static List<RepDefinition> SizeCapacity(List<TerritoryPlan> plans, List<RepDefinition> reps, double[] demand, MetricsOptionsView options)
    {
        var weighted = plans.Select((p, i) => demand[i] * p.TargetCoverage).Sum();
        var scale = demand.Sum() / weighted;
        var sized = new List<RepDefinition>(reps.Count);
        for (var i = 0; i < plans.Count; i++)
        {
            var territoryReps = reps.Where(r => r.TerritoryId == plans[i].Definition.Id).ToList();
            var available = territoryReps.Sum(r => r.Availability);
            var hours = demand[i] * plans[i].TargetCoverage * scale / available;
            sized.AddRange(territoryReps.Select(r => r with { SellingHoursPerWeek = Math.Round(hours, 2) }));
        }

        return sized;
    }

    private static (List<RepDefinition> Reps, List<TerritoryDefinition> Territories) SetQuotas(
        List<TerritoryPlan> plans, List<RepDefinition> reps, List<AccountDefinition> accounts)
    {
        var book = accounts.GroupBy(a => a.OwnerRepId!).ToDictionary(g => g.Key, g => g.Sum(a => a.AnnualRevenue));
        var withQuota = reps.Select(r => r with { AnnualQuota = Math.Round(book.GetValueOrDefault(r.Id) * 1.1 / 1000) * 1000 }).ToList();
        var territories = plans.Select(p => p.Definition with
        {
            AnnualQuota = withQuota.Where(r => r.TerritoryId == p.Definition.Id).Sum(r => r.AnnualQuota),
        }).ToList();
        return (withQuota, territories);
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/> (largest remainders), each at least <paramref name="minimum"/>.</summary>
    private static int[] Apportion(int total, double[] weights, int minimum)
    {
        var free = total - minimum * weights.Length;
        var sum = weights.Sum();
        var exact = weights.Select(w => free * w / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in exact.Select((e, i) => (Remainder: e - Math.Floor(e), i)).OrderByDescending(x => x.Remainder).Take(free - counts.Sum()).Select(x => x.i))
        {
            counts[i]++;
        }

        return [.. counts.Select(c => c + minimum)];
    }
}
