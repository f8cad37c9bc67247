using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Simulator.Reporting;

namespace TerritoryGrid.Simulator.Tests.Reporting;

public sealed class HtmlReportTests
{
    private static SimulationResult ThreeWeeks(IReadOnlyList<int> weeksNotDrained, long counted) => new(
        "two territories",
        [.. from week in Enumerable.Range(1, 3)
            from territory in new[] { "terr-01", "terr-02" }
            select new WeeklyRow(week, new DateOnly(2025, 1, 6).AddDays(7 * (week - 1)), territory, territory, "West",
                ServiceStatus.Balanced, 1.0, 0.9, 40, 40, 1_000, 100)],
        [.. Enumerable.Range(1, 3).Select(week => new BalanceRow(week, new DateOnly(2025, 1, 6).AddDays(7 * (week - 1)), 0.1, 0.2, 1.0))],
        Events: 600,
        Seconds: 1)
    {
        CountedByTerritories = counted, WeeksNotDrained = weeksNotDrained,
    };

    [Fact]
    public void WeeksReadBeforeEveryEventWasCounted_AreNamedAndCrossedOut()
    {
        var html = HtmlReport.Render(ThreeWeeks([-1, 2], counted: 590));

        // Week -1 is the third of the four warm-up weeks (week 0 is the last).
        Assert.Contains("when week 2 and warm-up week 3 of 4 were read (at the end 590 of 600)", html);
        Assert.Contains("terr-01 week 2: Balanced, coverage 1.00 (read short: not every event counted)", html);
        Assert.DoesNotContain("week 3: Balanced, coverage 1.00 (read short", html);
        // Week 2 of both territories, and nothing for the warm-up week, which has no cell.
        Assert.Equal(2, html.Split("<line class=\"short\"").Length - 1);
    }

    [Fact]
    public void OneShortWeek_IsNamedAlone()
    {
        Assert.Equal(
            "the territories had not counted every accepted event when week 3 was read (at the end 599 of 600): those weeks' figures fall short",
            ThreeWeeks([3], counted: 599).ShortWeeksWarning);
        Assert.Contains("when warm-up weeks 1, 4 of 4 were read", ThreeWeeks([-3, 0], counted: 599).ShortWeeksWarning);
    }

    [Fact]
    public void AReportWhoseWeeksAllDrained_CarriesNoWarning()
    {
        var html = HtmlReport.Render(ThreeWeeks([], counted: 600));

        Assert.DoesNotContain("Warning", html);
        Assert.DoesNotContain("read short", html);
    }
}
