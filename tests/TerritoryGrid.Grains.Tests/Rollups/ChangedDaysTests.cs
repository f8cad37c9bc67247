using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Grains.Rollups;

namespace TerritoryGrid.Grains.Tests.Rollups;

/// <summary>
/// A territory given only the days a batch changed must end with the same days, and so the same totals before any
/// day's end, as one given all of them every time.
/// </summary>
public sealed class ChangedDaysTests
{
    private static DayTotals Day(int day, long events) => new(day, new ActivityTotals { Events = events, Revenue = events * 10 });

    private static AccountContribution Contribution(long sequence, DayTotals[] days, int? from = null, int? oldest = null, long? events = null) =>
        new("a1", sequence, new ActivityTotals { Events = events ?? days.Sum(d => d.Totals.Events) }, [], null, null, null,
            TotalsByDay: days, DaysFrom: from, OldestDay: oldest);

    private static HeldList<DayTotals> Held(params DayTotals[] days)
    {
        var held = default(HeldList<DayTotals>);
        held.Overwrite(days);
        return held;
    }

    [Fact]
    public void TodaysTotalsChanged_AreWrittenOverTheHeldDays_InPlace()
    {
        var held = Held(Day(10, 1), Day(11, 2), Day(12, 3));
        var array = held.Items;

        ChangedDays.Apply(ref held, [Day(12, 5)], from: 12, oldest: 10);

        Assert.Same(array, held.Items);
        Assert.Equal([Day(10, 1), Day(11, 2), Day(12, 5)], held.Span.ToArray());
    }

    [Fact]
    public void ANewDay_AndAForgottenOne_AreWrittenInPlace_WhileTheyFit()
    {
        var held = Held(Day(10, 1), Day(11, 2), Day(12, 3));
        var array = held.Items;

        ChangedDays.Apply(ref held, [Day(12, 4), Day(13, 1)], from: 12, oldest: 11);

        Assert.Same(array, held.Items);
        Assert.Equal([Day(11, 2), Day(12, 4), Day(13, 1)], held.Span.ToArray());
    }

    [Fact]
    public void NewDays_BeyondTheHeldArray_MoveToALargerOne_KeepingTheDaysBefore()
    {
        var held = Held(Day(10, 1), Day(11, 2));

        ChangedDays.Apply(ref held, [Day(11, 3), Day(12, 1), Day(13, 1)], from: 11, oldest: 10);

        Assert.Equal([Day(10, 1), Day(11, 3), Day(12, 1), Day(13, 1)], held.Span.ToArray());
        Assert.True(held.Items!.Length > 4, "room for the next days");
    }

    [Fact]
    public void TwoPartialContributions_Combined_CarryTheDaysOfBoth_FromTheEarlierDay()
    {
        var older = Contribution(1, [Day(11, 2), Day(12, 3)], from: 11, oldest: 5);
        var newer = Contribution(2, [Day(12, 4)], from: 12, oldest: 5);

        var combined = ChangedDays.Combine(older, newer);

        Assert.Equal(2, combined.Sequence);
        Assert.Equal(11, combined.DaysFrom);
        Assert.Equal([Day(11, 2), Day(12, 4)], combined.TotalsByDay!);
    }

    [Fact]
    public void APartialContribution_AfterAWholeOne_CombinesIntoAWholeOne()
    {
        var older = Contribution(1, [Day(9, 7), Day(11, 2), Day(12, 3)]);
        var newer = Contribution(2, [Day(12, 4), Day(13, 1)], from: 12, oldest: 11);

        var combined = ChangedDays.Combine(older, newer);

        Assert.Null(combined.DaysFrom);
        Assert.Equal([Day(11, 2), Day(12, 4), Day(13, 1)], combined.TotalsByDay!);
    }

    [Fact]
    public void ABookGivenChangedDays_HasTheTotalsBeforeEveryDay_OfABookGivenAllDays()
    {
        var whole = new ContributionBook();
        var partial = new ContributionBook();
        var days = new SortedDictionary<int, long>();
        var sent = new List<DayTotals[]>();
        var random = new Random(7);
        for (var sequence = 1; sequence <= 200; sequence++)
        {
            // Events land on today or a few days back (late), and days older than 20 are forgotten.
            var today = 100 + (sequence / 10);
            var changedFrom = today - random.Next(0, 3);
            days[changedFrom] = days.GetValueOrDefault(changedFrom) + 1;
            foreach (var old in days.Keys.Where(d => d < today - 20).ToList())
            {
                days.Remove(old);
            }

            var all = days.Select(d => Day(d.Key, d.Value)).ToArray();
            whole.Apply(Contribution(sequence, all));
            var changed = all.Where(d => d.Day >= changedFrom).ToArray();
            sent.Add(changed);
            partial.Apply(sequence == 1 ? Contribution(sequence, all) : Contribution(sequence, changed, changedFrom, days.Keys.First(), events: days.Values.Sum()));
        }

        Assert.Equal(whole.ByAccount["a1"].Days.Span.ToArray(), partial.ByAccount["a1"].Days.Span.ToArray());
        for (var day = 95; day <= 125; day++)
        {
            var boundary = DateTimeOffset.MinValue.AddDays(day);
            Assert.Equal(whole.TotalsBefore(boundary).Events, partial.TotalsBefore(boundary).Events);
        }

        Assert.True(sent.Average(d => d.Length) < 4, "most contributions carried a few days, not all");
    }
}
