using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain;
using TerritoryGrid.Grains.Accounts;
using TerritoryGrid.Grains.Rollups;
using static TerritoryGrid.Grains.Tests.Accounts.LedgerFixture;

namespace TerritoryGrid.Grains.Tests.Rollups;

/// <summary>
/// A territory closes each day with one walk of its accounts: what it finds must be what the window figures and the
/// totals before the day's start say, each walked on its own.
/// </summary>
public sealed class ClosingDayTests
{
    private static readonly MetricsOptions Options = new();

    [Fact]
    public void ClosingADay_GivesTheWindowAndTheTotalsBeforeIt_OfEveryDay()
    {
        var book = new ContributionBook();
        var random = new Random(11);
        var eventDays = new List<int>();
        ActivityKind[] kinds = [ActivityKind.Call, ActivityKind.Visit, ActivityKind.LeadCreated, ActivityKind.Order, ActivityKind.Cost];
        for (var account = 0; account < 30; account++)
        {
            var ledger = NewLedger();
            for (var e = 0; e < 20; e++)
            {
                var kind = kinds[random.Next(kinds.Length)];
                var day = random.Next(0, 60);
                eventDays.Add(EventDay.Of(PlanStart) + day);
                ledger.Apply(Event($"e{e}", kind, day, amount: kind == ActivityKind.Order ? 100 : 0, cost: kind == ActivityKind.Cost ? 30 : 0));
            }

            if (account % 7 == 0)
            {
                ledger.State.ClosedAt = PlanStart.AddDays(40);
            }

            var coverage = ContributionBuilder.Coverage(ledger.State, Options);
            foreach (var (_, contribution) in ContributionBuilder.ForTerritories("a1", ledger.State, coverage))
            {
                book.Apply(contribution with { AccountId = $"a{account}" });
            }
        }

        Assert.Equal(600, book.Totals.Events);
        var firstDay = EventDay.Of(PlanStart);
        for (var day = firstDay; day <= firstDay + 65; day++)
        {
            var start = EventDay.Start(day);
            var (window, totals) = book.Closing(day, Options);

            Assert.Equal(book.At(start, day - 1, Options), window);
            Assert.Equal(book.TotalsBefore(start), totals);
            Assert.Equal(eventDays.Count(d => d < day), totals.Events);
        }
    }
}
