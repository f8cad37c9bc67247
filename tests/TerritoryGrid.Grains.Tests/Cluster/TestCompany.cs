using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Grains.Tests.Cluster;

/// <summary>A small regular company: territories t0.., each with reps t0-r0.. and accounts t0-a0.. owned round-robin.</summary>
internal static class TestCompany
{
    public static readonly DateTimeOffset PlanStart = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static CompanyDefinition Create(int territories, int repsPerTerritory, int accountsPerTerritory, Segment? segment = null)
    {
        var t = Enumerable.Range(0, territories).Select(i => new TerritoryDefinition($"t{i}", $"Territory {i}", "North")).ToList();
        var reps = t.SelectMany(territory => Enumerable.Range(0, repsPerTerritory).Select(r =>
            new RepDefinition($"{territory.Id}-r{r}", $"Rep {r}", territory.Id, r == 0 ? RepRole.Outside : RepRole.Inside, new GeoPoint(45, 10))))
            .ToList();
        var accounts = t.SelectMany(territory => Enumerable.Range(0, accountsPerTerritory).Select(a =>
            new AccountDefinition($"{territory.Id}-a{a}", $"Account {a}", territory.Id, $"{territory.Id}-r{a % repsPerTerritory}",
                "Retail", "Milano", new GeoPoint(45, 10), 10_000 + a, 1_000, Segment: segment)))
            .ToList();
        return new CompanyDefinition("Test company", t, reps, accounts, PlanStart);
    }
}
