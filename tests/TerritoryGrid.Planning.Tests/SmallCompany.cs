using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Planning.Tests;

/// <summary>Two regions: east (t1, t2) and west (t3); reps r1, r2 in t1, r3 in t2, r4 in t3; two accounts per rep.</summary>
internal static class SmallCompany
{
    public static CompanyDefinition Create()
    {
        TerritoryDefinition[] territories = [new("t1", "T1", "East"), new("t2", "T2", "East"), new("t3", "T3", "West")];
        var home = new GeoPoint(40, -75);
        RepDefinition[] reps =
        [
            new("r1", "R1", "t1", RepRole.Outside, home), new("r2", "R2", "t1", RepRole.Outside, home),
            new("r3", "R3", "t2", RepRole.Inside, home), new("r4", "R4", "t3", RepRole.Inside, home),
        ];
        var accounts = reps.SelectMany(r => Enumerable.Range(1, 2).Select(n => new AccountDefinition(
            $"{r.Id}-a{n}", $"Account {r.Id}-{n}", r.TerritoryId, r.Id, "Retail", "Springfield", new GeoPoint(40.1, -75.1),
            AnnualRevenue: 10_000 * n, Segment: Segment.B))).ToArray();
        return new CompanyDefinition("Small", territories, reps, accounts, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
