using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Planning.Tests;

/// <summary>Plan validation: each bad plan is refused whole, with these exact messages; a good one gives the alignment it describes.</summary>
public sealed class PlanCompilerTests
{
    private static readonly PlanningOptions Rules = new() { KeepRegions = true, MaxAccountsPerRep = 4 };

    [Fact]
    public void EveryProblemIsListed_WithWhereAndWhat()
    {
        var plan = Plan(
            new PlanMove("moveAccount", AccountId: "nope", ToRepId: "r2"),
            new PlanMove("moveAccount", AccountId: "r1-a1", ToRepId: "r2"),
            new PlanMove("moveAccount", AccountId: "r1-a1", ToRepId: "r3"),
            new PlanMove("moveAccount", AccountId: "r1-a2", ToRepId: "r4"),
            new PlanMove("teleport"),
            new PlanMove("moveRep", RepId: "r3", ToTerritoryId: "t9"),
            null);

        var result = PlanCompiler.Compile(plan, SmallCompany.Create(), Rules);

        Assert.False(result.IsValid);
        Assert.Equal(
        [
            "moves[0].accountId: unknown account 'nope'",
            "moves[2]: account 'r1-a1' is already moved by moves[1]",
            "moves[3].toTerritoryId: account 'r1-a2' would cross from region 'East' to region 'West' (Planning:KeepRegions)",
            "moves[4].kind: 'teleport' is not one of moveAccount, moveRep, splitTerritory, mergeTerritories, addRep, removeRep, addTerritory, removeTerritory",
            "moves[5].toTerritoryId: unknown territory 't9'",
            "moves[6]: a move object is required",
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ATerritoryLeftWithoutReps_IsRefused()
    {
        var result = PlanCompiler.Compile(Plan(new PlanMove("moveRep", RepId: "r3", ToTerritoryId: "t1", WithAccounts: false),
            new PlanMove("moveAccount", AccountId: "r3-a1", ToRepId: "r3"), new PlanMove("moveAccount", AccountId: "r3-a2", ToRepId: "r3")),
            SmallCompany.Create(), new PlanningOptions());

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var refused = PlanCompiler.Compile(Plan(new PlanMove("moveRep", RepId: "r4", ToTerritoryId: "t1", WithAccounts: false)),
            SmallCompany.Create(), new PlanningOptions());
        Assert.Equal(
        [
            "plan: account 'r4-a1' is left without an owner (by moves[0]): give it one with a moveAccount",
            "plan: account 'r4-a2' is left without an owner (by moves[0]): give it one with a moveAccount",
            "plan: territory 't3' is left without reps (2 accounts)",
        ], refused.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void ARepOverTheAccountLimit_IsRefused()
    {
        var result = PlanCompiler.Compile(
            Plan(new PlanMove("removeRep", RepId: "r2", ToRepId: "r1"), new PlanMove("moveAccount", AccountId: "r3-a1", ToRepId: "r1")),
            SmallCompany.Create(), Rules);

        Assert.Equal(["plan: rep 'r1' would own 5 accounts, more than the limit of 4 (Planning:MaxAccountsPerRep)"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void AMoveThatChangesNothing_AndAMoveOfARepWhoLeft_AreRefused()
    {
        var result = PlanCompiler.Compile(
            Plan(new PlanMove("moveAccount", AccountId: "r1-a1", ToRepId: "r1"), new PlanMove("removeRep", RepId: "r2", ToRepId: "r1"),
                new PlanMove("moveRep", RepId: "r2", ToTerritoryId: "t2")),
            SmallCompany.Create(), new PlanningOptions());

        Assert.Equal(
        [
            "moves[0]: account 'r1-a1' is already in territory 't1' with owner 'r1'",
            "moves[2].repId: rep 'r2' has left by an earlier move",
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void APlanWithoutANameOrMoves_IsRefused()
    {
        var result = PlanCompiler.Compile(new PlanDocument(" ", []), SmallCompany.Create(), Rules);

        Assert.Equal(["plan.name: is required", "plan.moves: a plan needs at least one move"], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Split_TakesTheRepsWithTheirAccounts_AndMerge_TakesEverything()
    {
        var split = PlanCompiler.Compile(
            Plan(new PlanMove("splitTerritory", TerritoryId: "t1", NewTerritory: new TerritoryDefinition("t1b", "T1 North"), RepIds: ["r2"])),
            SmallCompany.Create(), Rules);
        Assert.True(split.IsValid, string.Join("; ", split.Problems));
        Assert.Equal("East", split.After!.Territories.Single(t => t.Id == "t1b").Region);
        Assert.Equal(["r2-a1", "r2-a2"], split.Change!.Accounts.Select(m => m.After.Id));
        Assert.All(split.Change.Accounts, m => Assert.Equal("t1b", m.After.TerritoryId));
        Assert.Equal(30_000, split.Change.AccountValueMoved);

        var merge = PlanCompiler.Compile(Plan(new PlanMove("mergeTerritories", TerritoryId: "t2", ToTerritoryId: "t1")), SmallCompany.Create(), Rules);
        Assert.True(merge.IsValid, string.Join("; ", merge.Problems));
        Assert.Equal(["t1", "t3"], merge.After!.Territories.Select(t => t.Id));
        Assert.Equal("t1", merge.After.Reps.Single(r => r.Id == "r3").TerritoryId);
        Assert.Equal(["t2"], merge.Change!.RemovedTerritories.Select(t => t.Id));

        var acrossRegions = PlanCompiler.Compile(Plan(new PlanMove("mergeTerritories", TerritoryId: "t3", ToTerritoryId: "t1")), SmallCompany.Create(), Rules);
        Assert.Equal(["moves[0].toTerritoryId: territory 't3' would cross from region 'West' to region 'East' (Planning:KeepRegions)"],
            acrossRegions.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void AddRep_RampsUp_AndCanTakeAccountsInTheSamePlan()
    {
        var rep = new RepDefinition("r5", "R5", "t2", RepRole.Inside, new GeoPoint(41, -75));
        var result = PlanCompiler.Compile(
            Plan(new PlanMove("addRep", Rep: rep, RampWeeks: 6), new PlanMove("moveAccount", AccountId: "r3-a1", ToRepId: "r5")),
            SmallCompany.Create(), Rules);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(6, result.Change!.RampWeeks["r5"]);
        Assert.Equal("r5", result.After!.Accounts.Single(a => a.Id == "r3-a1").OwnerRepId);
    }

    private static PlanDocument Plan(params PlanMove?[] moves) => new("Test plan", moves);
}
