using TerritoryGrid.Domain.Company;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Planning.Tests;

/// <summary>An orphaned account (its owner left) is orphaned no more once a plan gives it a new owner; others stay orphaned.</summary>
public sealed class OrphanedAccountPlanTests
{
    private static readonly DateTimeOffset Left = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APlanGivingAnOrphanedAccountANewOwner_ClearsItsOrphanedFlag_AndOnlyItsOwn()
    {
        var company = SmallCompany.Create();
        company = company with
        {
            Accounts = [.. company.Accounts.Select(a => a.OwnerRepId == "r1" ? a with { OrphanedSince = Left } : a)],
        };
        var plan = new PlanDocument("Take over", [new PlanMove("moveAccount", AccountId: "r1-a1", ToRepId: "r2")]);

        var result = PlanCompiler.Compile(plan, company, new PlanningOptions());

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(
            ["r1-a1 r2 -", "r1-a2 r1 2026-02-01"],
            result.After!.Accounts.Where(a => a.Id.StartsWith("r1-", StringComparison.Ordinal))
                .Select(a => $"{a.Id} {a.OwnerRepId} {a.OrphanedSince?.ToString("yyyy-MM-dd") ?? "-"}"));
    }
}
