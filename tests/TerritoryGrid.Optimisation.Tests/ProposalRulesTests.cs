using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;
using TerritoryGrid.Optimisation.Proposals;

namespace TerritoryGrid.Optimisation.Tests;

/// <summary>
/// Two reps in one place with 20 capacity hours each; r1's four accounts need 5 h a week each (as the live metrics
/// say), r2's four 0.5 h. Target utilisation (20 + 2) ÷ 40 = 0.55, start 1.0 and 0.1 (imbalance 0.45). Best: two of
/// r1's accounts to r2 and two of r2's to r1, 11 h each (imbalance 0), which a budget of half the value allows exactly.
/// </summary>
public sealed class ProposalRulesTests
{
    private static readonly GeoPoint Place = new(48.1, 11.6);

    [Fact]
    public void GivenDemandHours_AreWhatIsBalanced()
    {
        var proposal = PlanProposer.Propose(Company(), new ProposalOptions { DisruptionBudget = 0.5 }, demandHoursPerWeek: Demand());

        Assert.Equal(0.45, proposal.Before.Imbalance, 9);
        Assert.Equal(0, proposal.After.Imbalance, 9);
        Assert.Equal(4_000, proposal.ValueMoved);
        Assert.Equal(["r2", "r2", "r1", "r1"], proposal.Plan.Moves!.OrderBy(m => m!.AccountId, StringComparer.Ordinal).Select(m => m!.ToRepId));
    }

    [Fact]
    public void StrongRelationships_KeepTheirOwner_UnlessAllowed()
    {
        var strong = new Dictionary<string, double> { ["r1-a1"] = 20, ["r1-a2"] = 20, ["r1-a3"] = 20, ["r1-a4"] = 3 };

        var kept = PlanProposer.Propose(Company(), new ProposalOptions { DisruptionBudget = 0.5 }, demandHoursPerWeek: Demand(), relationshipStrength: strong);
        var allowed = PlanProposer.Propose(Company(), new ProposalOptions { DisruptionBudget = 0.5, MayMoveStrongRelationships = true },
            demandHoursPerWeek: Demand(), relationshipStrength: strong);

        Assert.Equal(["r1-a4"], kept.Plan.Moves!.Select(m => m!.AccountId));
        Assert.Equal(4, allowed.AccountsMoved);
    }

    [Fact]
    public void TheBudget_BoundsTheValueMoved()
    {
        // 1,000 of 8,000 may move, exactly one account's value: one of r1's to r2 (15 h and 7 h: 0.75 and 0.35).
        var proposal = PlanProposer.Propose(Company(), new ProposalOptions { DisruptionBudget = 0.125 }, demandHoursPerWeek: Demand());

        Assert.Equal(1, proposal.AccountsMoved);
        Assert.Equal(1_000, proposal.ValueMoved);
        Assert.Equal(0.2, proposal.After.Imbalance, 9);
    }

    [Fact]
    public void TheAccountBudget_BoundsTheAccountsMoved()
    {
        // Value for four moves, but 2 of 8 accounts may move: two of r1's to r2 (10 h and 12 h: 0.5 and 0.6).
        var proposal = PlanProposer.Propose(Company(), new ProposalOptions { DisruptionBudget = 0.5, MaxShareOfAccountsMoved = 0.25 },
            demandHoursPerWeek: Demand());

        Assert.Equal(["r2", "r2"], proposal.Plan.Moves!.Select(m => m!.ToRepId));
        Assert.Equal(0.05, proposal.After.Imbalance, 9);
    }

    [Fact]
    public void CompaniesWithNothingToBalance_GetAnEmptyPlan()
    {
        var company = Company();
        CompanyDefinition[] degenerate =
        [
            company with { Accounts = [] },
            company with { Reps = [company.Reps[0]], Accounts = [.. company.Accounts.Where(a => a.OwnerRepId == "r1")] },
            company with { Reps = [.. company.Reps.Select(r => r with { Availability = 0 })] },
            company with { Accounts = [.. company.Accounts.Select(a => a with { OwnerRepId = null })] },
        ];

        foreach (var proposal in degenerate.Select(c => PlanProposer.Propose(c, demandHoursPerWeek: Demand())))
        {
            Assert.Empty(proposal.Plan.Moves!);
            Assert.Equal(proposal.Before, proposal.After);
            Assert.Equal(0, proposal.ValueMoved);
        }
    }

    private static Dictionary<string, double> Demand() => Enumerable.Range(1, 4)
        .SelectMany(n => new[] { ($"r1-a{n}", 5.0), ($"r2-a{n}", 0.5) }).ToDictionary(x => x.Item1, x => x.Item2);

    private static CompanyDefinition Company()
    {
        RepDefinition[] reps = [new("r1", "R1", "t1", RepRole.Inside, Place, 20), new("r2", "R2", "t1", RepRole.Inside, Place, 20)];
        var accounts = reps.SelectMany(r => Enumerable.Range(1, 4).Select(n => new AccountDefinition(
            $"{r.Id}-a{n}", $"Account {r.Id}-{n}", "t1", r.Id, "Retail", "Munich", Place, AnnualRevenue: 1_000, Segment: Segment.C))).ToArray();
        return new CompanyDefinition("Two reps", [new TerritoryDefinition("t1", "T1", "South")], reps, accounts);
    }
}
