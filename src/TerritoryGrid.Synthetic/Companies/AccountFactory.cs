using Bogus;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Synthetic.Companies;

/// <summary>
/// Accounts clustered around a territory's cities, with Pareto-distributed revenue (shape 1.16: about 20% of
/// accounts bring about 80% of the value) and a cost to serve that eats a varying share of it.
/// </summary>
internal static class AccountFactory
{
    private const double ParetoShape = 1.16;
    private const double MinimumRevenue = 4_000;
    private const double MaximumRevenue = 4_000_000;
    private const double ClusterSigmaKm = 9;

    public static IEnumerable<AccountDefinition> Create(Faker faker, TerritoryPlan territory, int count, double prospectShare, ref int nextId)
    {
        var accounts = new List<AccountDefinition>(count);
        var weights = territory.Region.IndustryWeights;
        var industries = weights.Keys.ToArray();
        var industryWeights = industries.Select(i => (float)weights[i]).ToArray();
        for (var i = 0; i < count; i++)
        {
            var (city, centre) = territory.Cities[faker.Random.Int(0, territory.Cities.Count - 1)];
            var prospect = faker.Random.Double() < prospectShare;
            var revenue = prospect ? 0 : Math.Round(Math.Min(MaximumRevenue, MinimumRevenue / Math.Pow(1 - faker.Random.Double(), 1 / ParetoShape)), 0);
            var cost = prospect ? 0 : Math.Round(revenue * faker.Random.Double(0.06, 0.35) + faker.Random.Double(300, 2_500), 0);
            accounts.Add(new AccountDefinition(
                Id: $"acct-{nextId++:D6}",
                Name: faker.Company.CompanyName(),
                TerritoryId: territory.Definition.Id,
                OwnerRepId: null,
                Industry: faker.Random.WeightedRandom(industries, industryWeights),
                City: city,
                Location: GeoJitter.Around(faker.Random, centre, ClusterSigmaKm),
                AnnualRevenue: revenue,
                AnnualCostToServe: cost,
                RevenuePotential: Math.Round(Math.Max(revenue, MinimumRevenue) * faker.Random.Double(1.1, 2.2), 0),
                Stage: prospect ? FunnelStage.Prospect : FunnelStage.Customer));
        }

        return accounts;
    }
}
