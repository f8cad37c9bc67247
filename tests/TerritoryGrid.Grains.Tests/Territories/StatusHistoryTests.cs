using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Metrics;
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

    /// <summary>A calls-only month on 40 C accounts (one rep): the days it closes hold status changes.</summary>
    private static List<ActivityEvent> CallsOnFortyAccounts() => [.. Enumerable.Range(0, 40).Select(i => new ActivityEvent(
        $"call-{i}", ActivityKind.Call, TestCompany.PlanStart.AddDays(20 + i % 15).AddHours(10), $"t0-a{i}", "t0-r0"))];

    [Fact]
    public async Task AChangeAnnouncedThenDerivedAgainWithRefinedFigures_IsNotAnnouncedAgain()
    {
        // The first half's changes are announced before the second half revises them.
        const string workspace = "status-revised";
        var history = await InTwoHalvesAsync(workspace, first => AnnouncedAsync(workspace, first));

        var announced = await AnnouncedAsync(workspace, history);
        var repeated = announced.GroupBy(Identity).Where(g => g.Count() > 1).Select(g => string.Join(" | ", g)).ToList();
        Assert.True(repeated.Count == 0, string.Join("\n", repeated));
    }

    [Fact]
    public async Task ABatchLandingInParts_IsAnnouncedOnceSettled_WithTheFiguresOfTheWhole()
    {
        // The second half lands as soon as the first has, as a batch landing in two roll-up flushes does: the changes
        // derived from the first alone are held (MetricsOptions.StatusSettleDelay) while the second refines them.
        const string workspace = "status-settled";
        var history = await InTwoHalvesAsync(workspace, _ => Task.CompletedTask);

        var announced = await AnnouncedAsync(workspace, history);
        Assert.Equal(history.Select(c => (c.At, c.From, c.To, c.Reason)), announced.Select(c => (c.At, c.From, c.To, c.Reason)));
    }

    /// <summary>
    /// A calls-only month on 40 C accounts in two halves, the second earlier in event time: the second revises the days
    /// the first closed, and some of the same changes come out with other figures. Returns the final history.
    /// </summary>
    private async Task<IReadOnlyList<StatusChange>> InTwoHalvesAsync(string workspace, Func<IReadOnlyList<StatusChange>, Task> between)
    {
        await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 1, 40, Segment.C));
        var calls = CallsOnFortyAccounts();
        var first = await IngestAndWaitAsync(workspace, 20, [.. calls[..20].AsEnumerable().Reverse()]);
        await between(first);
        var history = await IngestAndWaitAsync(workspace, 40, [.. calls[20..].AsEnumerable().Reverse()]);
        Assert.Contains(history, change => first.Any(f => Identity(f) == Identity(change) && f.Reason != change.Reason));
        return history;
    }

    [Fact]
    public async Task AChangeRevisedAwayAndThenBack_IsAnnouncedOnce()
    {
        // A month of calls on 40 C accounts leaves the territory over-served from day 32 (one rep, little demand); a wave
        // of leads dated day 27 revises that change away; disqualifying them at day 28 brings it back as it was.
        const string workspace = "status-retracted";
        await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 1, 40, Segment.C));
        var accounts = Enumerable.Range(0, 40).ToList();
        Func<int, DateTimeOffset> dayOf = day => TestCompany.PlanStart.AddDays(day).AddHours(10);
        Predicate<StatusChange> intoOverServed = c => c.To == ServiceStatus.OverServed && c.At == TestCompany.PlanStart.AddDays(32);

        var served = await IngestAndWaitAsync(workspace, 40, CallsOnFortyAccounts());
        Assert.Contains(served, intoOverServed);
        await AnnouncedAsync(workspace, served);
        var leads = await IngestAndWaitAsync(workspace, 80, [.. accounts.Select(i => new ActivityEvent($"lead-{i}", ActivityKind.LeadCreated, dayOf(27), $"t0-a{i}", "t0-r0", ReferenceId: $"L{i}"))]);
        Assert.DoesNotContain(leads, intoOverServed);
        var closed = await IngestAndWaitAsync(workspace, 120, [.. accounts.Select(i => new ActivityEvent($"dq-{i}", ActivityKind.LeadDisqualified, dayOf(28), $"t0-a{i}", "t0-r0", ReferenceId: $"L{i}"))]);
        Assert.Contains(closed, intoOverServed);

        var announced = await AnnouncedAsync(workspace, closed);
        Assert.Single(announced, c => intoOverServed(c));
        Assert.Equal(announced.Count, announced.DistinctBy(Identity).Count());
    }

    private static (DateTimeOffset At, ServiceStatus From, ServiceStatus To) Identity(StatusChange change) => (change.At, change.From, change.To);

    /// <summary>
    /// The workspace's announcements once every change of <paramref name="history"/> is among them, and a settle delay
    /// and a margin later (so a repeat still to come would be in).
    /// </summary>
    private async Task<IReadOnlyList<StatusChange>> AnnouncedAsync(string workspace, IReadOnlyList<StatusChange> history)
    {
        await Eventually.Get(
            () => Task.FromResult(cluster.AnnouncedStatusChanges(workspace)),
            announced => history.All(change => announced.Any(a => Identity(a) == Identity(change))));
        await Task.Delay(ClusterFixture.StatusSettleDelay + TimeSpan.FromSeconds(0.5));
        var announced = cluster.AnnouncedStatusChanges(workspace);
        Assert.All(history, change => Assert.Contains(announced, a => Identity(a) == Identity(change)));
        return announced;
    }

    /// <summary>Posts a batch; returns the territory's status history once it has counted <paramref name="total"/> events.</summary>
    private async Task<IReadOnlyList<StatusChange>> IngestAndWaitAsync(string workspace, int total, List<ActivityEvent> batch)
    {
        var result = await cluster.Ingestor.IngestAsync(workspace, batch);
        Assert.Equal(batch.Count, result.Accepted);
        var detail = await Eventually.Get(() => cluster.Reader.TerritoryAsync(workspace, "t0"), d => d!.Territory.Totals.Events == total);
        return detail!.StatusHistory;
    }
}
