using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;
using TerritoryGrid.Planning.Plans;
using TerritoryGrid.Simulator.Scenarios;
using TerritoryGrid.Simulator.Stress;
using TerritoryGrid.Synthetic.Companies;

namespace TerritoryGrid.Simulator.Tests.Stress;

/// <summary>
/// A season in which terr-02's demand peaks, met by today's alignment and by a plan that moves capacity there: the
/// plan spends fewer territory-weeks under-served, and its disruption is exactly what it moved.
/// </summary>
public sealed class StressTestTests
{
    private static readonly ScenarioCompany CompanySpec = new(Territories: 4, Reps: 48, Accounts: 1200, Seed: 99, LowestCoverage: 1.1, HighestCoverage: 1.1);

    private static Scenario PeakScenario() => new(
        "terr-02 peak",
        Seed: 3,
        CompanySpec,
        new ScenarioPeriod(new DateOnly(2025, 3, 3), 14),
        Shocks: [new Shock("peak", new DateOnly(2025, 4, 14), new DateOnly(2025, 5, 11), 12.0, Territory: "terr-02")]);

    [Fact]
    public async Task APlanMovingCapacityToThePeak_HasFewerUnderServedWeeks_AndExactDisruption()
    {
        // The company the scenario generates (same spec and seed), to write the plan against.
        var company = CompanyGenerator.Generate(new CompanySpec
        {
            Seed = 99, TerritoryCount = 4, RepCount = 48, AccountCount = 1200, LowestCoverage = 1.1, HighestCoverage = 1.1,
        });
        var peakAccounts = company.Accounts.Where(a => a.TerritoryId == "terr-02").OrderBy(a => a.Id, StringComparer.Ordinal).Take(60).ToList();
        var home = company.Reps.First(r => r.TerritoryId == "terr-02").Home;
        var newReps = Enumerable.Range(1, 8).Select(i => new RepDefinition($"peak-rep-{i}", $"Peak rep {i}", "terr-02", RepRole.Inside, home, 40)).ToList();
        PlanMove[] moves =
        [
            .. newReps.Select(r => new PlanMove(PlanMoveKinds.AddRep, Rep: r, RampWeeks: 0)),
            .. peakAccounts.Select((a, i) => new PlanMove(PlanMoveKinds.MoveAccount, AccountId: a.Id, ToRepId: newReps[i % newReps.Count].Id)),
        ];
        var plan = new PlanDocument("Staff the peak", moves);

        var result = await new StressTest().RunAsync(PeakScenario(), [("Staff the peak", plan)]);

        var baseline = result.Variants[0].Figures!;
        var staffed = result.Variants[1].Figures!;
        Assert.Equal(["baseline", "Staff the peak"], result.Variants.Select(v => v.Name));
        Assert.True(baseline.TerritoryWeeksUnderServed >= 3, $"baseline under-served territory-weeks: {baseline.TerritoryWeeksUnderServed}");
        Assert.True(staffed.TerritoryWeeksUnderServed < baseline.TerritoryWeeksUnderServed,
            $"plan {staffed.TerritoryWeeksUnderServed} vs baseline {baseline.TerritoryWeeksUnderServed} under-served territory-weeks");

        Assert.Equal((0, 0.0, 0), (baseline.AccountsMoved, baseline.AccountValueMoved, baseline.RelationshipsBroken));
        Assert.Equal(60, staffed.AccountsMoved);
        Assert.Equal(peakAccounts.Sum(a => a.AnnualRevenue), staffed.AccountValueMoved, 6);
        var warmUp = result.Variants[0].Result.Activity.Where(e => e.OccurredAt < result.Variants[0].Result.PeriodStart && e.Kind.TouchChannel() is not null);
        var touchedByOwner = peakAccounts.Count(a => warmUp.Any(e => e.AccountId == a.Id && e.RepId == a.OwnerRepId));
        Assert.True(touchedByOwner > 0);
        Assert.Equal(touchedByOwner, staffed.RelationshipsBroken);
        Assert.Equal(baseline.Events > 0, staffed.Events > 0);
    }

    [Fact]
    public async Task APlanThatDoesNotFitTheScenariosCompany_StopsTheRunNamingItsProblems()
    {
        var plan = new PlanDocument("Bad", [new PlanMove(PlanMoveKinds.MoveAccount, AccountId: "no-such-account", ToRepId: "rep-001")]);

        var error = await Assert.ThrowsAsync<ScenarioException>(() => new StressTest().RunAsync(PeakScenario() with
        {
            Company = CompanySpec with { Accounts = 100 }, Period = new ScenarioPeriod(new DateOnly(2025, 3, 3), 1),
        }, [("Bad", plan)]));

        Assert.Contains("plan 'Bad': moves[0].accountId: unknown account 'no-such-account'", error.Message);
    }

    [Fact]
    public void ARepAPlanAdds_RampsUpInTheSystemAndInTheDeliveredCapacity()
    {
        var company = CompanyGenerator.Generate(new CompanySpec { Seed = 1, TerritoryCount = 2, RepCount = 4, AccountCount = 20 });
        var hire = new RepDefinition("hire", "Hire", "terr-01", RepRole.Inside, company.Reps[0].Home, SellingHoursPerWeek: 30);
        company = company with { Reps = [.. company.Reps, hire] };
        var from = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
        var roster = new TerritoryGrid.Simulator.Running.RosterPlan(PeakScenario() with { Shocks = [] }, company);
        var before = roster.CapacityAt("terr-01", from.AddDays(-1));

        roster.AddRamp(hire, from, weeks: 6);

        Assert.Equal(before - 20, roster.CapacityAt("terr-01", from), 6);
        Assert.Equal(before - 10, roster.CapacityAt("terr-01", from.AddDays(14)), 6);
        Assert.Equal(before, roster.CapacityAt("terr-01", from.AddDays(28)), 6);
        Assert.Equal([1 / 3.0, 2 / 3.0, 1.0], roster.Changes.Where(c => c.RepId == "hire").Select(c => c.Availability!.Value));
    }

    [Fact]
    public void TheComparison_ListsEveryAlignmentWithEveryMeasure()
    {
        var figures = new StressFigures("baseline", 5, 2, 0.3, 2.5, 0.4, 3, 0, 0, 0, 120.5, 7, 70_000, 1000);
        var csv = ComparisonReport.Csv(new StressResult("s", [new StressVariant("baseline", null!, null, figures)]));

        Assert.Equal(
            "alignment,territoryWeeksUnderServed,territoryWeeksOverServed,workloadCv,workloadMaxMin,potentialCv,potentialMaxMin,accountsMoved,accountValueMoved,relationshipsBroken,travelHoursPerWeek,accountsAtRisk,revenueAtRisk,events\n" +
            "baseline,5,2,0.3,2.5,0.4,3,0,0,0,120.5,7,70000,1000\n",
            csv.ReplaceLineEndings("\n"));
    }
}
