using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Grains.Accounts;
using static TerritoryGrid.Grains.Tests.Accounts.LedgerFixture;

namespace TerritoryGrid.Grains.Tests.Accounts;

/// <summary>Won value and revenue by calendar month and rep, as an account keeps them for fiscal periods.</summary>
public sealed class MonthlyMoneyTests
{
    private static int Month(int year, int month) => (year * 12) + month - 1;

    [Fact]
    public void OrdersAndWins_AreSplitByMonth_ForTheAccountAndForEachRep()
    {
        var ledger = NewLedger();
        ledger.Apply(Event("o1", ActivityKind.Order, 3, amount: 500));                  // January, r1
        ledger.Apply(Event("o2", ActivityKind.Order, 40, rep: "r2", amount: 200));      // February, r2
        ledger.Apply(Event("o3", ActivityKind.Order, 41, rep: null, amount: 50));       // February, no rep
        ledger.Apply(Event("l1", ActivityKind.LeadQualified, 42, amount: 900, reference: "d1"));
        ledger.Apply(Event("w1", ActivityKind.OpportunityWon, 45, amount: 900, reference: "d1")); // February, r1
        ledger.Apply(Event("c1", ActivityKind.Call, 46));

        Assert.Equal([new MonthMoney(Month(2026, 1), 0, 500), new MonthMoney(Month(2026, 2), 900, 250)], MonthlyMoneyLedger.OfAccount(ledger.State)!);
        Assert.Equal([new MonthMoney(Month(2026, 1), 0, 500), new MonthMoney(Month(2026, 2), 900, 0)], MonthlyMoneyLedger.OfRep(ledger.State, "r1")!);
        Assert.Equal([new MonthMoney(Month(2026, 2), 0, 200)], MonthlyMoneyLedger.OfRep(ledger.State, "r2")!);
        Assert.Null(MonthlyMoneyLedger.OfRep(ledger.State, "r3"));
    }

    [Fact]
    public void MonthsOlderThanTwoFiscalYears_AreForgotten_AndStillCountInTotals()
    {
        var ledger = NewLedger();
        ledger.Apply(Event("o1", ActivityKind.Order, -800, amount: 100));  // October 2023
        ledger.Apply(Event("o2", ActivityKind.Order, 3, amount: 500));     // January 2026: October 2023 is 27 months before

        Assert.Equal([new MonthMoney(Month(2026, 1), 0, 500)], MonthlyMoneyLedger.OfAccount(ledger.State)!);
        Assert.Equal(600, ledger.State.Totals.Revenue);
    }

    [Fact]
    public void AnAccountWithoutMoney_KeepsNoMonths() =>
        Assert.Null(NewLedger() is var ledger && ledger.Apply(Event("c1", ActivityKind.Call, 3)).Outcome == ApplyOutcome.Accepted
            ? ledger.State.MoneyByMonth
            : throw new InvalidOperationException("the call was not accepted"));

    [Fact]
    public void PayloadHash_OfAnEventWithoutQuantity_IsTheOneStoredBeforeQuantitiesExisted()
    {
        // Computed with TerritoryGrid.Grains.Accounts.StableHash.OfPayload as of commit d4ec5f1 (before ActivityEvent had a quantity).
        const ulong storedBefore = 5591744766779811473;
        var order = Event("e1", ActivityKind.Order, 3, amount: 500, cost: 100, product: "Widget");

        Assert.Equal(storedBefore, TerritoryGrid.Grains.Accounts.StableHash.OfPayload(order));
        Assert.NotEqual(storedBefore, TerritoryGrid.Grains.Accounts.StableHash.OfPayload(order with { Quantity = 2 }));
    }
}
