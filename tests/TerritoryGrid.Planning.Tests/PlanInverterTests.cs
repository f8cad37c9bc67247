using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Planning.Tests;

/// <summary>Rollback: the inverse of any valid plan, applied after it, gives back the alignment before it.</summary>
public sealed class PlanInverterTests
{
    [Fact]
    public void TheInverseOfRandomPlans_RestoresTheAlignment()
    {
        var company = SmallCompany.Create();
        var valid = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var plan = RandomPlan(new Random(seed), company);
            var forward = PlanCompiler.Compile(plan, company, new PlanningOptions());
            if (!forward.IsValid || Alignment(forward.After!) == Alignment(company))
            {
                continue;
            }

            valid++;
            var inverse = PlanInverter.Inverse(plan.Name!, company, forward.After!);
            var back = PlanCompiler.Compile(inverse, forward.After!, new PlanningOptions());

            Assert.True(back.IsValid, $"seed {seed}: {string.Join("; ", back.Problems)}");
            Assert.Equal(Alignment(company), Alignment(back.After!));
        }

        Assert.True(valid >= 100, $"only {valid} of the random plans were valid: the generator explores too little");
    }

    [Fact]
    public void RemoveTerritory_NeedsItEmpty()
    {
        var plan = new PlanDocument("x", [new PlanMove(PlanMoveKinds.RemoveTerritory, TerritoryId: "t3")]);

        var result = PlanCompiler.Compile(plan, SmallCompany.Create(), new PlanningOptions());

        Assert.Equal(["moves[0].territoryId: territory 't3' still has 1 reps and 2 accounts: move them first, or merge it"], result.Problems.Select(p => p.ToString()));
    }

    private static string Alignment(CompanyDefinition company) => string.Join("|",
        string.Join(",", company.Territories.Select(t => t.Id).Order(StringComparer.Ordinal)),
        string.Join(",", company.Reps.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => $"{r.Id}@{r.TerritoryId}")),
        string.Join(",", company.Accounts.OrderBy(a => a.Id, StringComparer.Ordinal).Select(a => $"{a.Id}@{a.TerritoryId}/{a.OwnerRepId}")));

    private static PlanDocument RandomPlan(Random random, CompanyDefinition company)
    {
        var territories = company.Territories.Select(t => t.Id).ToList();
        var reps = company.Reps.Select(r => r.Id).ToList();
        var accounts = company.Accounts.Select(a => a.Id).ToList();
        var moves = new List<PlanMove>();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            switch (random.Next(7))
            {
                case 0 or 1:
                    moves.Add(new PlanMove(PlanMoveKinds.MoveAccount, AccountId: Pick(random, accounts), ToRepId: Pick(random, reps)));
                    break;
                case 2:
                    moves.Add(new PlanMove(PlanMoveKinds.MoveRep, RepId: Pick(random, reps), ToTerritoryId: Pick(random, territories)));
                    break;
                case 3:
                    var id = $"new-{random.Next(1000)}";
                    moves.Add(new PlanMove(PlanMoveKinds.SplitTerritory, TerritoryId: Pick(random, territories),
                        NewTerritory: new TerritoryDefinition(id, "New"), RepIds: [Pick(random, reps)]));
                    territories.Add(id);
                    break;
                case 4:
                    moves.Add(new PlanMove(PlanMoveKinds.MergeTerritories, TerritoryId: Pick(random, territories), ToTerritoryId: Pick(random, territories)));
                    break;
                case 5:
                    var rep = new RepDefinition($"hire-{random.Next(1000)}", "Hire", Pick(random, territories), RepRole.Inside, new GeoPoint(40, -75));
                    moves.Add(new PlanMove(PlanMoveKinds.AddRep, Rep: rep));
                    reps.Add(rep.Id);
                    break;
                default:
                    moves.Add(new PlanMove(PlanMoveKinds.RemoveRep, RepId: Pick(random, reps), ToRepId: Pick(random, reps)));
                    break;
            }
        }

        return new PlanDocument($"random {moves.Count}", moves);
    }

    private static string Pick(Random random, List<string> from) => from[random.Next(from.Count)];
}
