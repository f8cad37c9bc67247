using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TerritoryGrid.Domain;
using TerritoryGrid.Optimisation.Model;
using TerritoryGrid.Optimisation.Proposals;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Optimisation.Tests;

/// <summary>Properties of proposals over random companies and rules (FsCheck; a failure shrinks towards a smaller company).</summary>
public sealed class ProposalProperties
{
    private static Gen<Case> Cases =>
        from seed in Gen.Choose(1, 1_000_000)
        from accounts in Gen.Choose(5, 400)
        from reps in Gen.Choose(2, 25)
        from territories in Gen.Choose(1, 6)
        from budgetPercent in Gen.Choose(0, 30)
        from keepRegions in Gen.Elements(true, false)
        from maxAccounts in Gen.Elements(0, 0, 60)
        from cap in Gen.Elements(1.0, 1.1, 1.5)
        from strongShare in Gen.Elements(0.0, 0.2, 0.5)
        from accountShare in Gen.Elements<double?>(null, null, 0.02, 0.1)
        select new Case(seed, accounts, Math.Max(reps, territories), territories, budgetPercent / 100.0, keepRegions, maxAccounts, cap, strongShare, accountShare);

    [Property(MaxTest = 60)]
    public Property EveryProposal_KeepsTheBudget_Compiles_AndNeverWorsensTheObjective() =>
        Prop.ForAll(Arb.From(Cases), c =>
        {
            var company = RandomCompany.Create(c.Seed, c.Accounts, c.Reps, c.Territories);
            var relationships = StrongRelationships(company, c);
            var options = new ProposalOptions
            {
                DisruptionBudget = c.Budget, KeepRegions = c.KeepRegions, MaxUtilisation = c.Cap,
                MaxAccountsPerRep = c.MaxAccounts, MaxShareOfAccountsMoved = c.AccountShare, ImprovementRounds = 50,
            };
            var proposal = PlanProposer.Propose(company, options, relationshipStrength: relationships);

            var budget = c.Budget * company.Accounts.Sum(a => a.AnnualRevenue);
            var instance = InstanceBuilder.Build(company, options, new MetricsOptions(), relationshipStrength: relationships);
            var keptBudget = proposal.ValueMoved <= budget && (c.AccountShare is null || proposal.AccountsMoved <= c.AccountShare * c.Accounts);
            var notWorse = proposal.After.Objective <= proposal.Before.Objective
                           && Objective.Evaluate(instance, instance.StartOwner).Objective == proposal.Before.Objective;
            if (proposal.AccountsMoved == 0)
            {
                return (keptBudget && notWorse && proposal.Plan.Moves!.Count == 0).Label($"no moves: {c}");
            }

            var compiled = PlanCompiler.Compile(proposal.Plan, company,
                new PlanningOptions { KeepRegions = c.KeepRegions, MaxAccountsPerRep = StartsWithinLimit(company, c.MaxAccounts) ? c.MaxAccounts : 0 });
            var after = compiled.After is null ? [] : Owners(instance, compiled.After);
            return (keptBudget && notWorse && compiled.IsValid
                    && compiled.Change!.AccountValueMoved <= budget
                    && Objective.Evaluate(instance, after).Objective == proposal.After.Objective
                    && compiled.Change.Accounts.All(m => !relationships.ContainsKey(m.Before.Id))
                    && WithinLoadBounds(instance, after))
                .Label($"{c}: {string.Join("; ", compiled.Problems)}");
        });

    /// <summary>A share of accounts (chosen by the seed) whose owner has touched them often: they must keep that owner.</summary>
    private static Dictionary<string, double> StrongRelationships(Domain.Company.CompanyDefinition company, Case c)
    {
        var random = new Random(c.Seed);
        return company.Accounts.Where(_ => random.NextDouble() < c.StrongShare).ToDictionary(a => a.Id, _ => 20.0);
    }

    private static bool StartsWithinLimit(Domain.Company.CompanyDefinition company, int limit) =>
        limit == 0 || company.Accounts.CountBy(a => a.OwnerRepId ?? "").All(o => o.Value <= limit);

    private static int[] Owners(BalancingInstance instance, Domain.Company.CompanyDefinition after)
    {
        var repIndex = instance.RepIds.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. after.Accounts.Select(a => a.OwnerRepId is { } o ? repIndex[o] : -1)];
    }

    /// <summary>
    /// No rep above the utilisation cap unless they started above it, and then not above where they started; none
    /// below the floor unless they started below it, and then not below where they started.
    /// </summary>
    private static bool WithinLoadBounds(BalancingInstance instance, int[] owner)
    {
        var load = new double[instance.RepCount];
        for (var a = 0; a < owner.Length; a++)
        {
            load[owner[a]] += instance.Demand(a, owner[a]);
        }

        return load.Select((l, r) => l <= instance.LoadLimit[r] * (1 + 1e-9) && l >= instance.LoadFloor[r] * (1 - 1e-9)).All(ok => ok);
    }

    public sealed record Case(
        int Seed, int Accounts, int Reps, int Territories, double Budget, bool KeepRegions, int MaxAccounts, double Cap, double StrongShare, double? AccountShare);
}
