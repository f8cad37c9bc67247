using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Grains.Tests.Cluster;

namespace TerritoryGrid.Grains.Tests.Rollups;

[Collection(ClusterCollection.Name)]
public sealed class RollupTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Ingest_EventsForAccountsOfOneTerritory_TerritoryAndRepTotalsEqualThePostedEvents()
    {
        const string workspace = "rollup-exact";
        await cluster.Loader.LoadAsync(workspace, TestCompany.Create(2, 3, 40));
        var random = new Random(7);
        var events = Enumerable.Range(0, 3000).Select(i =>
        {
            var account = random.Next(40);
            var rep = $"t0-r{random.Next(3)}";
            return i % 3 == 0
                ? new ActivityEvent($"e{i}", ActivityKind.Order, TestCompany.PlanStart.AddDays(1 + random.Next(20)), $"t0-a{account}", rep, Amount: random.Next(1, 1000), Cost: random.Next(0, 100))
                : new ActivityEvent($"e{i}", ActivityKind.Call, TestCompany.PlanStart.AddDays(1 + random.Next(20)), $"t0-a{account}", rep);
        }).ToList();

        foreach (var batch in events.Chunk(500))
        {
            var result = await cluster.Ingestor.IngestAsync(workspace, batch);
            Assert.Equal((batch.Length, 0), (result.Accepted, result.Rejected.Count));
        }

        var territory = await Eventually.Get(() => cluster.Reader.TerritoryAsync(workspace, "t0"), d => d!.Territory.Totals.Events == events.Count);
        var totals = territory!.Territory.Totals;
        Assert.Equal(events.Count, totals.Events);
        Assert.Equal(events.Where(e => e.Kind == ActivityKind.Order).Sum(e => e.Amount), totals.Revenue);
        Assert.Equal(events.Where(e => e.Kind == ActivityKind.Order).Sum(e => e.Cost), totals.Cost);
        Assert.Equal(events.Count(e => e.Kind == ActivityKind.Call), totals.Conversations);
        var reps = await Eventually.Get(() => cluster.Reader.TerritoryAsync(workspace, "t0"), d => d!.Reps.Sum(r => r.Totals.Events) == events.Count);
        Assert.Equal(events.Count, reps!.Reps.Sum(r => r.Totals.Events));
        foreach (var rep in reps.Reps)
        {
            Assert.Equal(events.Count(e => e.RepId == rep.Id), rep.Totals.Events);
        }

        var other = await cluster.Reader.TerritoryAsync(workspace, "t1");
        Assert.Equal(0, other!.Territory.Totals.Events);
    }

    [Fact]
    public async Task Ingest_BatchRetried_CountsEveryEventOnce()
    {
        const string workspace = "rollup-retry";
        await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 2, 10));
        var batch = Enumerable.Range(0, 100)
            .Select(i => new ActivityEvent($"o{i}", ActivityKind.Order, TestCompany.PlanStart.AddDays(2), $"t0-a{i % 10}", "t0-r0", Amount: 10))
            .ToList();

        var first = await cluster.Ingestor.IngestAsync(workspace, batch);
        var retry = await cluster.Ingestor.IngestAsync(workspace, batch);

        Assert.Equal((100, 0), (first.Accepted, first.Duplicates));
        Assert.Equal((0, 100), (retry.Accepted, retry.Duplicates));
        var territory = await Eventually.Get(() => cluster.Reader.TerritoryAsync(workspace, "t0"), d => d!.Territory.Totals.Events == 100);
        await Task.Delay(100); // a wrongly double-applied retry would show up after the next flush
        territory = await cluster.Reader.TerritoryAsync(workspace, "t0");
        Assert.Equal(1000, territory!.Territory.Totals.Revenue);
    }

    [Fact]
    public async Task ApplyContributions_ResentOrOlderSequence_IsNotAppliedTwice()
    {
        const string workspace = "rollup-sequence";
        var info = (await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 1, 1))).Workspace!;
        var territory = cluster.Grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, "t0"));
        static AccountContribution Contribution(long sequence, int events) =>
            new("external", sequence, new ActivityTotals { Events = events, Revenue = events * 10 }, [], null, TestCompany.PlanStart, null);

        await territory.ApplyContributions([Contribution(5, 3)]);
        await territory.ApplyContributions([Contribution(5, 3), Contribution(4, 100)]);
        var afterResend = await territory.GetMetrics();
        await territory.ApplyContributions([Contribution(6, 4)]);
        var afterNewer = await territory.GetMetrics();

        Assert.Equal(3, afterResend!.Totals.Events);
        Assert.Equal(4, afterNewer!.Totals.Events);
        Assert.Equal(40, afterNewer.Totals.Revenue);
    }

    [Fact]
    public async Task Ingest_UnknownAccountAndBadEvents_AreRefusedWhileValidOnesApply()
    {
        const string workspace = "rollup-mixed";
        await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 1, 2));
        var at = TestCompany.PlanStart.AddDays(1);
        ActivityEvent[] batch =
        [
            new("ok", ActivityKind.Call, at, "t0-a0", "t0-r0"),
            new("ghost", ActivityKind.Call, at, "no-such-account", "t0-r0"),
            new("neg", ActivityKind.Order, at, "t0-a1", "t0-r0", Amount: -5),
            new("future", ActivityKind.Call, DateTimeOffset.UtcNow.AddDays(3), "t0-a1", "t0-r0"),
            new("nps", ActivityKind.NpsAnswer, at, "t0-a1", Score: 11),
        ];

        var result = await cluster.Ingestor.IngestAsync(workspace, batch);

        Assert.Equal(1, result.Accepted);
        Assert.Equal([1, 2, 3, 4], result.Rejected.Select(r => r.Index));
        Assert.Equal("unknown account 'no-such-account' in workspace 'rollup-mixed'", result.Rejected[0].Reason);
        Assert.Equal("amount must not be negative (got -5)", result.Rejected[1].Reason);
        Assert.StartsWith("occurredAt ", result.Rejected[2].Reason);
        Assert.Contains("is in the future", result.Rejected[2].Reason);
        Assert.Equal("score is required for npsAnswer and must be a whole number from 0 to 10", result.Rejected[3].Reason);
    }

    [Fact]
    public async Task Ingest_ActivityByARepOfAnotherTerritory_CountsForThatRepAndTheAccountsTerritory()
    {
        const string workspace = "rollup-overlay";
        await cluster.Loader.LoadAsync(workspace, TestCompany.Create(2, 1, 1));

        var result = await cluster.Ingestor.IngestAsync(workspace,
            [new ActivityEvent("visit", ActivityKind.Visit, TestCompany.PlanStart.AddDays(1), "t0-a0", "t1-r0")]);

        Assert.Equal(1, result.Accepted);
        var overlay = await Eventually.Get(() => cluster.Reader.RepAsync(workspace, "t1-r0"), d => d!.Rep.Totals.Conversations == 1);
        Assert.Equal(1, overlay!.Rep.Totals.Conversations);
        Assert.Equal(["t1-a0"], overlay.Rep.OwnedAccountIds);
        var territory = await Eventually.Get(() => cluster.Reader.TerritoryAsync(workspace, "t0"), d => d!.Territory.Totals.Conversations == 1);
        Assert.Equal(1, territory!.Territory.Totals.Conversations);
        Assert.Equal(0, (await cluster.Reader.TerritoryAsync(workspace, "t1"))!.Territory.Totals.Conversations);
    }
}
