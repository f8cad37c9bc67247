using TerritoryGrid.Domain;
using TerritoryGrid.Optimisation.Model;
using TerritoryGrid.Optimisation.Proposals;
using TerritoryGrid.Planning.Plans;
using Xunit.Abstractions;

namespace TerritoryGrid.Optimisation.Tests;

/// <summary>
/// On instances small enough to solve exactly (30 accounts, 4 reps), the proposal's objective is within 2% of the
/// MIP optimum of the same objective under the same rules, and the plan never moves more value (or accounts) than
/// the budget.
/// </summary>
public sealed class OptimumGapTests(ITestOutputHelper output)
{
    /// <summary>The gap issue #8 asks for. Measured: 0.000% on every one of these instances.</summary>
    private const double AllowedGap = 0.02;

    public static TheoryData<int, double, bool, int, double?> Instances => new()
    {
        { 1, 0.05, false, 0, null },
        { 2, 0.05, false, 0, null },
        { 3, 0.05, true, 0, null },
        { 4, 0.05, false, 10, null },
        { 5, 0.10, false, 0, null },
        { 6, 0.10, true, 12, null },
        { 7, 0.02, false, 0, null },
        { 8, 0.05, false, 0, null },
        { 9, 0.05, false, 0, null },
        { 10, 0.05, false, 0, null },
        { 11, 0.05, true, 0, null },
        { 12, 0.05, false, 0, null },
        { 13, 0.10, false, 0, 0.1 },
        { 14, 0.20, false, 0, 0.1 },
    };

    [Theory]
    [MemberData(nameof(Instances))]
    public void Proposal_IsWithinTheGapOfTheExactOptimum_AndWithinBudget(int seed, double budget, bool keepRegions, int maxAccounts, double? accountShare)
    {
        // With regions kept, four territories in two regions so that each region has two reps who can trade accounts.
        var company = RandomCompany.Create(seed, accounts: 30, reps: 4, territories: keepRegions ? 4 : 2, insideShare: 0.7);
        // An account limit below a rep's starting book would make every plan invalid: it binds at the busiest rep at most.
        maxAccounts = maxAccounts == 0 ? 0 : Math.Max(maxAccounts, company.Accounts.CountBy(a => a.OwnerRepId ?? "").Max(o => o.Value));
        var options = new ProposalOptions
        {
            DisruptionBudget = budget, KeepRegions = keepRegions, MaxAccountsPerRep = maxAccounts, MaxShareOfAccountsMoved = accountShare,
        };
        var metrics = new MetricsOptions();

        var proposal = PlanProposer.Propose(company, options, metrics);
        var instance = InstanceBuilder.Build(company, options, metrics);
        var optimum = Objective.Evaluate(instance, ExactBalancer.Solve(instance)).Objective;

        var gap = (proposal.After.Objective - optimum) / optimum;
        output.WriteLine($"seed {seed}: start {proposal.Before.Objective:0.000000}, proposal {proposal.After.Objective:0.000000}, " +
                         $"optimum {optimum:0.000000}, gap {gap:P3}, {proposal.AccountsMoved} moves, value {proposal.ValueMoved:N0} of {proposal.ValueBudget:N0}");
        Assert.True(optimum < proposal.Before.Objective, "the instance should leave something to improve");
        Assert.True(proposal.After.Objective >= optimum - 1e-9, "the exact optimum is a lower bound (else the two models differ)");
        Assert.True(gap <= AllowedGap, $"gap {gap:P3} over {AllowedGap:P0}");
        Assert.True(proposal.ValueMoved <= proposal.ValueBudget);
        Assert.True(accountShare is null || proposal.AccountsMoved <= accountShare * company.Accounts.Count);
        var compiled = PlanCompiler.Compile(proposal.Plan, company,
            new PlanningOptions { KeepRegions = keepRegions, MaxAccountsPerRep = maxAccounts });
        Assert.True(compiled.IsValid, string.Join("; ", compiled.Problems));
        Assert.True(compiled.Change!.AccountValueMoved <= budget * company.Accounts.Sum(a => a.AnnualRevenue));
    }

    /// <summary>
    /// Companies whose capacity is not sized by role (outside reps far above the target, so caps and floors bind and
    /// single accounts are large against what a rep may take) are where the search can miss the optimum: the bound
    /// here is on the mean gap. Measured: optimum on 21 of 24, mean 0.95%, worst 16.9% (README.md states these).
    /// </summary>
    [Fact]
    public void OnSkewedCompanies_TheMeanGapIsWithinTheBound_AndTheBudgetIsKept()
    {
        var gaps = new List<double>();
        for (var seed = 1; seed <= 24; seed++)
        {
            var company = RandomCompany.Create(seed, accounts: 30, reps: 4, territories: 2, insideShare: 0.7, sizedByRole: false);
            var options = new ProposalOptions();
            var proposal = PlanProposer.Propose(company, options);
            var instance = InstanceBuilder.Build(company, options, new MetricsOptions());
            var optimum = Objective.Evaluate(instance, ExactBalancer.Solve(instance)).Objective;
            Assert.True(proposal.ValueMoved <= proposal.ValueBudget);
            Assert.True(proposal.After.Objective >= optimum - 1e-9);
            gaps.Add((proposal.After.Objective - optimum) / optimum);
        }

        output.WriteLine($"skewed: optimum on {gaps.Count(g => g < 1e-6)} of {gaps.Count}, mean gap {gaps.Average():P2}, worst {gaps.Max():P2}");
        Assert.True(gaps.Average() <= AllowedGap, $"mean gap {gaps.Average():P2}");
    }
}
