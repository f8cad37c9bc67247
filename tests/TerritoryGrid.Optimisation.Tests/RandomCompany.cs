using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Activity;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Optimisation.Tests;

/// <summary>
/// A company from a seed: territories around a few centres in two regions, outside and inside reps with uneven
/// capacity, accounts of skewed (Pareto-like) value, some prospects worth nothing yet, owned unevenly so there is
/// imbalance to remove.
/// </summary>
internal static class RandomCompany
{
    /// <param name="sizedByRole">False gives every rep an even share of the whole company's demand, as no company would:
    /// outside reps, who carry the A accounts' visits, then run at several times the target and the caps bind.</param>
    public static CompanyDefinition Create(int seed, int accounts, int reps, int territories, double insideShare = 0.5, bool sizedByRole = true)
    {
        var random = new Random(seed);
        var centres = Enumerable.Range(0, territories).Select(_ => new GeoPoint(45 + random.NextDouble() * 3, 8 + random.NextDouble() * 4)).ToArray();
        var territoryList = Enumerable.Range(0, territories)
            .Select(t => new TerritoryDefinition($"t{t + 1}", $"Territory {t + 1}", t % 2 == 0 ? "North" : "South")).ToArray();
        var repList = Enumerable.Range(0, reps).Select(r => new RepDefinition(
            $"r{r + 1}", $"Rep {r + 1}", territoryList[r % territories].Id,
            r < territories || random.NextDouble() >= insideShare ? RepRole.Outside : RepRole.Inside,
            Near(random, centres[r % territories], 0.3),
            Availability: random.NextDouble() < 0.15 ? 0.5 : 1.0)).ToList();
        // A rep owns more the earlier it is drawn: uneven books, as alignments drift.
        var weight = repList.Select(_ => 0.6 + random.NextDouble()).ToArray();
        var accountList = new List<AccountDefinition>(accounts);
        for (var a = 0; a < accounts; a++)
        {
            var owner = Pick(random, repList, weight);
            var prospect = random.NextDouble() < 0.1;
            var revenue = prospect ? 0 : Math.Round(1_000 * Math.Exp(random.NextDouble() * 5));
            var segment = owner.Role == RepRole.Outside && random.NextDouble() < 0.6 ? Segment.A : random.NextDouble() < 0.4 ? Segment.B : Segment.C;
            accountList.Add(new AccountDefinition(
                $"a{a + 1}", $"Account {a + 1}", owner.TerritoryId, owner.Id, "Retail", "Town",
                Near(random, centres[int.Parse(owner.TerritoryId[1..]) - 1], 0.5), AnnualRevenue: revenue, Segment: segment));
        }

        var company = new CompanyDefinition($"Random {seed}", territoryList, repList, accountList);
        return WithCapacityForDemand(company, random, sizedByRole);
    }

    /// <summary>
    /// Selling hours so each role (outside reps carry the A accounts' visits) is about fully used while its reps differ
    /// (0.7–1.3 of an even share), as a company sizes its teams.
    /// </summary>
    private static CompanyDefinition WithCapacityForDemand(CompanyDefinition company, Random random, bool sizedByRole)
    {
        var patterns = new CallPatternOptions();
        var reps = company.Reps.ToDictionary(r => r.Id);
        var demandByRole = company.Accounts
            .GroupBy(a => sizedByRole ? reps[a.OwnerRepId!].Role : RepRole.Inside)
            .ToDictionary(g => g.Key, g => g.Sum(a => Workload.DemandHoursPerWeek(
                patterns.For(a.Segment!.Value), reps[a.OwnerRepId!].Home.DistanceKmTo(a.Location), 0, 0, new WorkloadOptions())));
        var repsByRole = company.Reps.CountBy(r => sizedByRole ? r.Role : RepRole.Inside).ToDictionary();
        return company with
        {
            Reps = [.. company.Reps.Select(r => r with
            {
                SellingHoursPerWeek = Math.Round(Math.Clamp(demandByRole.GetValueOrDefault(sizedByRole ? r.Role : RepRole.Inside) / repsByRole[sizedByRole ? r.Role : RepRole.Inside] / r.Availability * (0.7 + random.NextDouble() * 0.6), 0.5, 168), 2),
            })],
        };
    }

    private static RepDefinition Pick(Random random, List<RepDefinition> reps, double[] weight)
    {
        var x = random.NextDouble() * weight.Sum();
        for (var i = 0; i < reps.Count; i++)
        {
            x -= weight[i];
            if (x <= 0)
            {
                return reps[i];
            }
        }

        return reps[^1];
    }

    private static GeoPoint Near(Random random, GeoPoint centre, double degrees) =>
        new(centre.Latitude + (random.NextDouble() - 0.5) * 2 * degrees, centre.Longitude + (random.NextDouble() - 0.5) * 2 * degrees);
}
