using TerritoryGrid.Application.Companies.Sync;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;

namespace TerritoryGrid.Server.Tests.Sync;

/// <summary>The diff a CRM sync applies, as plain C#: every kind of change found once, and nothing found in a company against itself.</summary>
public sealed class CompanyDiffTests
{
    private static readonly DateTimeOffset EffectiveAt = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly SegmentationOptions Segmentation = new();

    private static CompanyDefinition Before() => new(
        "Acme",
        [new TerritoryDefinition("east", "East", "East"), new TerritoryDefinition("west", "West", "West")],
        [Rep("ann", "east"), Rep("bob", "west"), Rep("cat", "east")],
        [Account("A", "east", "ann", Segment.A), Account("B", "west", "bob", Segment.B), Account("C", "east", "cat", Segment.C),
         Account("E", "east", "ann", Segment.C)],
        new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero));

    private static RepDefinition Rep(string id, string territory) => new(id, id.ToUpperInvariant(), territory, RepRole.Inside, new GeoPoint(40, -74));

    private static AccountDefinition Account(string id, string territory, string? owner, Segment? segment = null) =>
        new(id, $"Account {id}", territory, owner, "Retail", "New York", new GeoPoint(40.5, -73.5), 1000, 100, Segment: segment);

    [Fact]
    public void Compute_TheSameCompany_FindsNothing()
    {
        var diff = CompanyDiff.Compute(Before(), Before() with { Accounts = [.. Before().Accounts.Select(a => a with { Segment = null })] }, EffectiveAt, Segmentation);

        Assert.True(diff.IsEmpty, string.Join(", ", diff.Changes));
    }

    [Fact]
    public void Compute_ARepsNewStartDate_AndAnAccountsNewSize_AreUpdates()
    {
        var before = Before();
        var incoming = before with
        {
            Reps = [.. before.Reps.Select(r => r.Id == "ann" ? r with { StartDate = EffectiveAt.AddDays(14) } : r)],
            Accounts = [.. before.Accounts.Select(a => a.Id == "B" ? a with { Employees = 250 } : a)],
        };

        var diff = CompanyDiff.Compute(before, incoming, EffectiveAt, Segmentation);

        Assert.Equal(["accountUpdated B employees", "repUpdated ann startDate"], diff.Changes.Select(Describe));
    }

    [Fact]
    public void Compute_ANewerExport_FindsEveryChangeOnce_InTheOrderToApplyThem()
    {
        var incoming = new CompanyDefinition(
            "Export",
            [new TerritoryDefinition("east", "East", "East"), new TerritoryDefinition("west", "West Coast", "West"), new TerritoryDefinition("north", "North")],
            [Rep("ann", "east") with { AnnualQuota = 50_000 }, Rep("bob", "west"), Rep("dan", "north")],
            [Account("A", "east", "ann") with { AnnualRevenue = 2000 }, Account("B", "north", "dan"), Account("C", "east", null), Account("F", "north", "dan")]);

        var diff = CompanyDiff.Compute(Before(), incoming, EffectiveAt, Segmentation);

        Assert.Equal(
            ["territoryAdded north", "repJoined dan", "accountAdded F", "accountReassigned B west/bob→north/dan", "accountOrphaned C east/cat→east/",
             "accountUpdated A annualRevenue", "repUpdated ann annualQuota", "territoryUpdated west name", "accountClosed E", "repLeft cat"],
            diff.Changes.Select(Describe));
        Assert.Equal("Acme", diff.After.Name);
        Assert.Equal(Before().PlanStart, diff.After.PlanStart);
        Assert.Equal(["A", "B", "C", "F"], diff.After.Accounts.Select(a => a.Id));
        Assert.Equal(Segment.A, diff.After.Accounts[0].Segment);
        Assert.NotNull(diff.After.Accounts[3].Segment);
        Assert.Equal(EffectiveAt, diff.After.Accounts.Single(a => a.Id == "C").OrphanedSince);
    }

    [Fact]
    public void Compute_TheCompanyASyncMade_AgainstTheSameExport_FindsNothing()
    {
        var incoming = Before() with { Reps = [Rep("ann", "east"), Rep("bob", "west")], Accounts = [Account("A", "east", "ann"), Account("B", "west", "bob"), Account("C", "east", null)] };
        var first = CompanyDiff.Compute(Before(), incoming, EffectiveAt, Segmentation);

        var second = CompanyDiff.Compute(first.After, incoming, EffectiveAt.AddDays(3), Segmentation);

        Assert.False(first.IsEmpty);
        Assert.True(second.IsEmpty, string.Join(", ", second.Changes));
        Assert.Equal(EffectiveAt, second.After.Accounts.Single(a => a.Id == "C").OrphanedSince);
    }

    [Fact]
    public void Compute_AnOrphanedAccountGivenAnOwner_IsReassignedAndNoLongerOrphaned()
    {
        var before = Before() with { Accounts = [.. Before().Accounts.Select(a => a.Id == "C" ? a with { OrphanedSince = EffectiveAt } : a)] };
        var incoming = before with { Accounts = [.. before.Accounts.Select(a => a.Id == "C" ? a with { OwnerRepId = "ann", OrphanedSince = null } : a with { OrphanedSince = null })] };

        var diff = CompanyDiff.Compute(before, incoming, EffectiveAt.AddDays(7), Segmentation);

        Assert.Equal(["accountReassigned C east/cat→east/ann"], diff.Changes.Select(Describe));
        Assert.Null(diff.After.Accounts.Single(a => a.Id == "C").OrphanedSince);
    }

    private static string Describe(SyncChange change) => change switch
    {
        { Fields: { } fields } => $"{change.Kind} {change.Id} {string.Join("+", fields)}",
        { Kind: SyncChangeKinds.AccountReassigned or SyncChangeKinds.AccountOrphaned } =>
            $"{change.Kind} {change.Id} {change.FromTerritoryId}/{change.FromOwnerRepId}→{change.ToTerritoryId}/{change.ToOwnerRepId}",
        _ => $"{change.Kind} {change.Id}",
    };
}
