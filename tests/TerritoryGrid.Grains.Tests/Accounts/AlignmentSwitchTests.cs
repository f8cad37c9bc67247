using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain;
using TerritoryGrid.Grains.Accounts;
using static TerritoryGrid.Grains.Tests.Accounts.LedgerFixture;

namespace TerritoryGrid.Grains.Tests.Accounts;

/// <summary>
/// Effective-dated ownership at the account: across a plan's switch at day 10, every event credits the territory and
/// owner of its own event time, whatever order events and the switch's two steps arrive in.
/// </summary>
public sealed class AlignmentSwitchTests
{
    private static readonly DateTimeOffset EffectiveAt = PlanStart.AddDays(10);

    [Fact]
    public void EventsBeforeTheEffectiveTime_CreditTheOldTerritory_EvenWhenTheyArriveAfterTheSwitch()
    {
        var ledger = NewLedger();
        ledger.Apply(Event("before-1", ActivityKind.Order, 2, amount: 100, product: "p1"));
        Assert.Null(AlignmentSwitch.Prepare(ledger.State, "a1", "plan-1", EffectiveAt));
        // Between the two steps: one event after the effective time, one before it.
        ledger.Apply(Event("after-1", ActivityKind.Order, 11, rep: "r2", amount: 1_000, product: "p1"));
        ledger.Apply(Event("before-2", ActivityKind.Order, 5, amount: 10));
        Assert.True(AlignmentSwitch.Commit(ledger.State, "a1", "plan-1", ledger.State.Setup! with { TerritoryId = "t2", OwnerRepId = "r2" }));
        // After the switch: one more of each.
        ledger.Apply(Event("before-3", ActivityKind.Order, 9, amount: 1));
        ledger.Apply(Event("after-2", ActivityKind.Order, 12, rep: "r2", amount: 10_000));

        var byTerritory = Contributions(ledger);

        Assert.Equal(111, byTerritory["t1"].Totals.Revenue);
        Assert.Equal(3, byTerritory["t1"].Totals.Events);
        Assert.Equal(11_000, byTerritory["t2"].Totals.Revenue);
        Assert.Equal(2, byTerritory["t2"].Totals.Events);
        Assert.Equal(11_111, ledger.State.Totals.Revenue);
        Assert.Equal([new("p1", 100), new(Contracts.Products.Unspecified, 11)], byTerritory["t1"].RevenueByProduct.OrderByDescending(p => p.Amount));
    }

    [Fact]
    public void EachTerritoryGetsTheDayByDayTotalsOfItsOwnDays_SoItsPastDaysStayExact()
    {
        var ledger = NewLedger();
        ledger.Apply(Event("before", ActivityKind.Order, 2, amount: 100));
        AlignmentSwitch.Prepare(ledger.State, "a1", "plan-1", EffectiveAt);
        AlignmentSwitch.Commit(ledger.State, "a1", "plan-1", ledger.State.Setup! with { TerritoryId = "t2" });
        ledger.Apply(Event("after", ActivityKind.Order, 11, amount: 1_000));
        ledger.Apply(Event("late", ActivityKind.Order, 9, amount: 10));

        var byTerritory = Contributions(ledger);

        var day = (int)(PlanStart.UtcTicks / TimeSpan.TicksPerDay);
        Assert.Equal([(day + 2, 100.0), (day + 9, 10.0)], byTerritory["t1"].TotalsByDay!.Select(d => (d.Day, d.Totals.Revenue)));
        Assert.Equal([(day + 11, 1_000.0)], byTerritory["t2"].TotalsByDay!.Select(d => (d.Day, d.Totals.Revenue)));
    }

    [Fact]
    public void Prepare_IsRefused_ForAnEffectiveTimeInsideADay()
    {
        var ledger = NewLedger();

        Assert.Equal("the effective time 2026-01-11T12:00:00.0000000+00:00 is not the start of a day (00:00 UTC)",
            AlignmentSwitch.Prepare(ledger.State, "a1", "plan-1", EffectiveAt.AddHours(12)));
    }

    [Fact]
    public void TheOldTerritoryKeepsTheAccountsCoverageOnlyUntilTheEffectiveTime_TheNewOneFromIt()
    {
        var ledger = NewLedger();
        AlignmentSwitch.Prepare(ledger.State, "a1", "plan-1", EffectiveAt);
        AlignmentSwitch.Commit(ledger.State, "a1", "plan-1", ledger.State.Setup! with { TerritoryId = "t2", OwnerRepId = "r2" });

        var byTerritory = Contributions(ledger);

        var old = byTerritory["t1"].Coverage!;
        var now = byTerritory["t2"].Coverage!;
        Assert.False(old.IsCurrent);
        Assert.True(old.IsCoveredAt(EffectiveAt.AddTicks(-1)));
        Assert.False(old.IsCoveredAt(EffectiveAt));
        Assert.True(now.IsCurrent);
        Assert.False(now.IsCoveredAt(EffectiveAt.AddTicks(-1)));
        Assert.True(now.IsCoveredAt(EffectiveAt));
        Assert.False(ContributionBuilder.ForRep("a1", "r1", ledger.State, Coverage(ledger)).Coverage!.IsCurrent);
        Assert.True(ContributionBuilder.ForRep("a1", "r2", ledger.State, Coverage(ledger)).Coverage!.IsCurrent);
    }

    [Fact]
    public void Prepare_IsRefused_WhenTheAccountAlreadyHasActivityAtOrAfterTheEffectiveTime()
    {
        var ledger = NewLedger();
        ledger.Apply(Event("late", ActivityKind.Call, 10));

        var refusal = AlignmentSwitch.Prepare(ledger.State, "a1", "plan-1", EffectiveAt);

        Assert.Equal("account 'a1' already has activity at 2026-01-11T00:00:00.0000000+00:00, at or after the effective time 2026-01-11T00:00:00.0000000+00:00", refusal);
        Assert.Null(ledger.State.PendingSwitch);
    }

    [Fact]
    public void Commit_TwiceForOnePlan_ChangesNothingTheSecondTime_AndAnotherPlanWaitsForTheFirst()
    {
        var ledger = NewLedger();
        AlignmentSwitch.Prepare(ledger.State, "a1", "plan-1", EffectiveAt);
        Assert.Equal("account 'a1' is being moved by plan 'plan-1'", AlignmentSwitch.Prepare(ledger.State, "a1", "plan-2", EffectiveAt.AddDays(1)));
        var next = ledger.State.Setup! with { TerritoryId = "t2" };
        Assert.True(AlignmentSwitch.Commit(ledger.State, "a1", "plan-1", next));

        Assert.False(AlignmentSwitch.Commit(ledger.State, "a1", "plan-1", next));
        Assert.Single(ledger.State.FormerAssignments!);
    }

    [Fact]
    public void AnAccountMovedAwayAndBack_SendsItsFirstTerritoryBothPeriods()
    {
        var ledger = NewLedger();
        ledger.Apply(Event("e1", ActivityKind.Order, 1, amount: 1));
        AlignmentSwitch.Prepare(ledger.State, "a1", "away", EffectiveAt);
        AlignmentSwitch.Commit(ledger.State, "a1", "away", ledger.State.Setup! with { TerritoryId = "t2" });
        ledger.Apply(Event("e2", ActivityKind.Order, 11, amount: 10));
        AlignmentSwitch.Prepare(ledger.State, "a1", "back", EffectiveAt.AddDays(5));
        AlignmentSwitch.Commit(ledger.State, "a1", "back", ledger.State.Setup! with { TerritoryId = "t1" });
        ledger.Apply(Event("e3", ActivityKind.Order, 16, amount: 100));
        ledger.Apply(Event("e4", ActivityKind.Order, 12, amount: 1_000));

        var byTerritory = Contributions(ledger);

        Assert.Equal(2, byTerritory.Count);
        Assert.Equal(101, byTerritory["t1"].Totals.Revenue);
        Assert.Equal(1_010, byTerritory["t2"].Totals.Revenue);
    }

    private static Contracts.Rollups.AccountCoverage Coverage(AccountLedger ledger) => ContributionBuilder.Coverage(ledger.State, new MetricsOptions());

    private static Dictionary<string, Contracts.Rollups.AccountContribution> Contributions(AccountLedger ledger) =>
        ContributionBuilder.ForTerritories("a1", ledger.State, Coverage(ledger)).ToDictionary(c => c.TerritoryId, c => c.Contribution);
}
