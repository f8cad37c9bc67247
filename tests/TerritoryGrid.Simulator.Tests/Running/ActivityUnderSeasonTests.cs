using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Synthetic.Companies;
using TerritoryGrid.Synthetic.History;

namespace TerritoryGrid.Simulator.Tests.Running;

/// <summary>The activity generator under a season: demand follows the multiplier; reps deliver only up to capacity.</summary>
public sealed class ActivityUnderSeasonTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 3, 0, 0, 0, TimeSpan.Zero);
    private static readonly CompanyDefinition Company = CompanyGenerator.Generate(new CompanySpec
    {
        TerritoryCount = 5, RepCount = 60, AccountCount = 3000, PlanStart = From, LowestCoverage = 1.1, HighestCoverage = 1.1,
    });

    private static IReadOnlyList<ActivityEvent> Generate(Func<AccountDefinition, DateTimeOffset, double>? season) =>
        HistoryGenerator.Generate(Company, new HistorySpec(From, From.AddDays(56), Seed: 5) { DemandMultiplierAt = season });

    private static string RegionOf(string accountId) =>
        Company.Territories.First(t => t.Id == Company.Accounts.First(a => a.Id == accountId).TerritoryId).Region!;

    [Fact]
    public void DoublingARegionsDemand_DoublesItsLeadsAndOrders_AndLeavesOthersAlone()
    {
        var region = Company.Territories[0].Region!;
        var baseline = Generate(null);
        var doubled = Generate((account, _) => Company.Territories.First(t => t.Id == account.TerritoryId).Region == region ? 2.0 : 1.0);

        double Count(IReadOnlyList<ActivityEvent> events, ActivityKind kind, bool inRegion) =>
            events.Count(e => e.Kind == kind && (RegionOf(e.AccountId) == region) == inRegion);

        Assert.InRange(Count(doubled, ActivityKind.LeadCreated, true) / Count(baseline, ActivityKind.LeadCreated, true), 1.8, 2.2);
        Assert.InRange(Count(doubled, ActivityKind.Order, true) / Count(baseline, ActivityKind.Order, true), 1.8, 2.2);
        Assert.InRange(Count(doubled, ActivityKind.LeadCreated, false) / Count(baseline, ActivityKind.LeadCreated, false), 0.95, 1.05);
    }

    [Fact]
    public void ReachOfTheReps_NeverExceedsTheirCapacity_EvenUnderAHugeShock()
    {
        var territory = Company.Territories[1].Id;
        var events = Generate((account, _) => account.TerritoryId == territory ? 10.0 : 1.0);
        var capacity = Company.Reps.Where(r => r.TerritoryId == territory).Sum(r => r.SellingHoursPerWeek!.Value * r.Availability) * 8;
        var accounts = Company.Accounts.Where(a => a.TerritoryId == territory).Select(a => a.Id).ToHashSet();

        var touchHours = events.Where(e => accounts.Contains(e.AccountId) && e.Kind.TouchChannel() is not null)
            .Sum(e => (e.DurationMinutes + e.TravelMinutes) / 60);
        var baselinePlanTouches = Generate(null).Count(e => accounts.Contains(e.AccountId) && e.Kind == ActivityKind.Visit);
        var shockedPlanTouches = events.Count(e => accounts.Contains(e.AccountId) && e.Kind == ActivityKind.Visit);

        Assert.True(touchHours <= capacity, $"{touchHours:0} touch hours delivered with {capacity:0} capacity hours");
        Assert.True(shockedPlanTouches < baselinePlanTouches * 0.8, $"visits {shockedPlanTouches} under the shock vs {baselinePlanTouches}: reps fall behind");
    }
}
