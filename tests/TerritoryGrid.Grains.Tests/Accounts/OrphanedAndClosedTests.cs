using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain;
using TerritoryGrid.Grains.Accounts;
using TerritoryGrid.Grains.Rollups;
using static TerritoryGrid.Grains.Tests.Accounts.LedgerFixture;

namespace TerritoryGrid.Grains.Tests.Accounts;

/// <summary>
/// What an account tells its territory when its owner leaves (orphaned until a move gives it an owner), when the CRM
/// closes it (no more demand, the activity kept), and when a move only changes its owner (the territory keeps it).
/// </summary>
public sealed class OrphanedAndClosedTests
{
    private static readonly MetricsOptions Options = new();
    private static readonly DateTimeOffset Left = PlanStart.AddDays(5);
    private static readonly DateTimeOffset TakenOver = PlanStart.AddDays(10);

    [Fact]
    public void AnOrphanedAccount_IsOrphanedForItsTerritoryFromTheDeparture_UntilTheNewOwnersEffectiveTime()
    {
        var ledger = NewLedger();
        ledger.Apply(Event("e1", ActivityKind.Call, 1));
        ledger.State.OrphanedFrom = Left;

        AlignmentSwitch.Prepare(ledger.State, "a1", "plan-1", TakenOver);
        AlignmentSwitch.Commit(ledger.State, "a1", "plan-1", ledger.State.Setup! with { OwnerRepId = "r2" });
        var book = Book(ledger);

        Assert.Null(book.At(Left.AddTicks(-1), EventDay.Of(Left) - 1, Options).Orphaned);
        Assert.Equal(["a1"], book.At(Left, EventDay.Of(Left), Options).Orphaned ?? []);
        Assert.Equal(["a1"], book.At(TakenOver.AddTicks(-1), EventDay.Of(TakenOver) - 1, Options).Orphaned ?? []);
        Assert.Null(book.At(TakenOver, EventDay.Of(TakenOver), Options).Orphaned);
        Assert.Equal(TakenOver, ledger.State.OrphanedUntil);
    }

    [Fact]
    public void AMoveThatOnlyChangesTheOwner_LeavesTheTerritoryCountingTheAccountsDemandBeforeIt()
    {
        var ledger = NewLedger();
        AlignmentSwitch.Prepare(ledger.State, "a1", "plan-1", TakenOver);
        AlignmentSwitch.Commit(ledger.State, "a1", "plan-1", ledger.State.Setup! with { OwnerRepId = "r2" });

        var book = Book(ledger);

        Assert.True(book.At(PlanStart.AddDays(3), EventDay.Of(PlanStart.AddDays(3)), Options).DemandHours > 0);
        Assert.Equal(book.At(PlanStart.AddDays(3), 0, Options).DemandHours, book.At(TakenOver.AddDays(1), 0, Options).DemandHours);
    }

    [Fact]
    public void AClosedAccount_AsksNoWorkFromItsClosingTime_AndKeepsItsActivityInTheTotals()
    {
        var ledger = NewLedger();
        ledger.Apply(Event("o1", ActivityKind.Order, 2, amount: 500));
        ledger.State.ClosedAt = TakenOver;

        var book = Book(ledger);

        Assert.True(book.At(TakenOver.AddTicks(-1), EventDay.Of(TakenOver) - 1, Options).DemandHours > 0);
        Assert.Equal(0, book.At(TakenOver, EventDay.Of(TakenOver), Options).DemandHours);
        Assert.Equal(0, book.At(TakenOver, EventDay.Of(TakenOver), Options).RequiredTouches);
        Assert.Equal(500, book.Totals.Revenue);
        Assert.Equal(0, book.CoveredAccounts);
    }

    private static ContributionBook Book(AccountLedger ledger)
    {
        var book = new ContributionBook();
        var coverage = ContributionBuilder.Coverage(ledger.State, Options);
        book.ApplyAll(ContributionBuilder.ForTerritories("a1", ledger.State, coverage).Where(c => c.TerritoryId == "t1").Select(c => c.Contribution));
        return book;
    }
}
