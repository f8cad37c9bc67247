using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Grains.Tests.Cluster;

namespace TerritoryGrid.Grains.Tests.Territories;

[Collection(ClusterCollection.Name)]
public sealed class StatusHistoryTests(ClusterFixture cluster)
{
    /// <summary>
    /// 90 days of a territory that is served for a month, starved of touches for a month (leads piling up), then served
    /// again: one call per account a week (B pattern: 2 per 4 weeks), leads answered or not.
    /// </summary>
    private static List<ActivityEvent> Season()
    {
        var events = new List<ActivityEvent>();
        for (var day = 1; day <= 90; day++)
        {
            var starved = day is > 30 and <= 60;
            var at = TestCompany.PlanStart.AddDays(day).AddHours(10);
            for (var account = 0; account < 8; account++)
            {
                if (!starved && (day + account) % 7 == 0)
                {
                    events.Add(new ActivityEvent($"call-{day}-{account}", ActivityKind.Call, at, $"t0-a{account}", "t0-r0"));
                }
            }

            if (day % 5 == 0)
            {
                events.Add(new ActivityEvent($"lead-{day}", ActivityKind.LeadCreated, at, $"t0-a{day % 8}", "t0-r1", ReferenceId: $"L{day}"));
                if (!starved)
                {
                    events.Add(new ActivityEvent($"answer-{day}", ActivityKind.Call, at.AddHours(3), $"t0-a{day % 8}", "t0-r1"));
                }
            }
        }

        return events;
    }

    /// <summary>Week-sized batches, shuffled inside: every event within the 7-day lateness of its account's latest.</summary>
    private static IEnumerable<List<ActivityEvent>> WeeklyShuffled(List<ActivityEvent> season) =>
        season.GroupBy(e => (int)((e.OccurredAt - TestCompany.PlanStart).TotalDays / 7))
            .Select(week => week.OrderBy(e => e.Id.GetHashCode(StringComparison.Ordinal)).ToList());

    [Fact]
    public async Task StatusHistory_DayByDayArrivalAndWeeklyShuffledBatches_AreIdentical()
    {
        var company = TestCompany.Create(1, 2, 8, Segment.B);
        await cluster.Loader.LoadAsync("status-slow", company);
        await cluster.Loader.LoadAsync("status-fast", company);
        var season = Season();

        foreach (var day in season.GroupBy(e => e.OccurredAt.Date))
        {
            await cluster.Ingestor.IngestAsync("status-slow", day.ToList());
            await Eventually.Get(() => cluster.Reader.TerritoryAsync("status-slow", "t0"), d => d!.Territory.Watermark >= day.Max(e => e.OccurredAt));
        }

        // A week per batch, shuffled, coalesced and split across both silos' dispatchers: the event-time skew between
        // silos stays within the revision margin (MetricsOptions.RevisionDays), which is what the guarantee needs.
        foreach (var week in WeeklyShuffled(season))
        {
            var result = await cluster.Ingestor.IngestAsync("status-fast", week);
            Assert.Equal(0, result.Late);
            await Eventually.Get(() => cluster.Reader.TerritoryAsync("status-fast", "t0"), d => d!.Territory.Watermark >= week.Max(e => e.OccurredAt));
        }

        var slow = await Eventually.Get(() => cluster.Reader.TerritoryAsync("status-slow", "t0"), d => d!.Territory.Totals.Events == season.Count);
        var fast = await Eventually.Get(() => cluster.Reader.TerritoryAsync("status-fast", "t0"), d => d!.Territory.Totals.Events == season.Count);
        Assert.NotEmpty(slow!.StatusHistory);
        Assert.Contains(slow.StatusHistory, c => c.To == ServiceStatus.UnderServed);
        Assert.Equal(slow.StatusHistory, fast!.StatusHistory);
        Assert.Equal(slow.Territory.Trend.Select(p => (p.Day, p.Status, p.Adherence, p.DemandHours)),
            fast.Territory.Trend.Select(p => (p.Day, p.Status, p.Adherence, p.DemandHours)));
    }

    [Fact]
    public async Task StatusHistory_StarvedMonth_GoesUnderServedWithAReasonAndRecovers()
    {
        await cluster.Loader.LoadAsync("status-season", TestCompany.Create(1, 2, 8, Segment.B));

        foreach (var week in WeeklyShuffled(Season()))
        {
            await cluster.Ingestor.IngestAsync("status-season", week);
            await Eventually.Get(() => cluster.Reader.TerritoryAsync("status-season", "t0"), d => d!.Territory.Watermark >= week.Max(e => e.OccurredAt));
        }

        var detail = await Eventually.Get(() => cluster.Reader.TerritoryAsync("status-season", "t0"), d => d!.Territory.Totals.Events == Season().Count);
        var byDay = detail!.Territory.Trend.ToDictionary(p => (int)(p.Day - TestCompany.PlanStart).TotalDays, p => p.Status);
        Assert.All(Enumerable.Range(40, 21), day => Assert.Equal(ServiceStatus.UnderServed, byDay[day]));
        Assert.All(Enumerable.Range(31, 3), day => Assert.NotEqual(ServiceStatus.UnderServed, byDay[day]));
        Assert.All(Enumerable.Range(80, 10), day => Assert.NotEqual(ServiceStatus.UnderServed, byDay[day]));
        var into = Assert.Single(detail.StatusHistory, c => c.To == ServiceStatus.UnderServed && c.At > TestCompany.PlanStart.AddDays(30));
        Assert.InRange(into.At, TestCompany.PlanStart.AddDays(31), TestCompany.PlanStart.AddDays(45));
        Assert.Matches("call-plan adherence|waiting longer than 48 h", into.Reason);
    }
}
