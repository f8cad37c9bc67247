using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Grains.Accounts;
using TerritoryGrid.Grains.Territories;
using TerritoryGrid.Grains.Tests.Cluster;

namespace TerritoryGrid.Grains.Tests.Territories;

/// <summary>
/// A territory revises the days a contribution changed once for several contributions (at its next push, read, write
/// or day boundary); whatever leaves the grain must carry the revision.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeferredRevisionTests(ClusterFixture cluster)
{
    private static readonly DateTimeOffset Latest = TestCompany.PlanStart.AddDays(20);

    [Fact]
    public async Task ExportState_RightAfterAContributionRevisesAPastDay_CarriesTheRevisedTrend()
    {
        var territory = await TerritoryAsync("deferred-export");
        await territory.ApplyContributions([Contribution(1, (15, 100))]);

        // Revises the days from day 5 without moving the watermark: no new day to close, so the revision waits.
        await territory.ApplyContributions([Contribution(2, (5, 40), (15, 100))]);
        var exported = await territory.ExportState();

        var state = cluster.SiloServices[0].GetRequiredService<Serializer>().Deserialize<TerritoryState>(exported!)!;
        Assert.Equal(40, state.Trend.Single(p => p.Day == TestCompany.PlanStart.AddDays(10)).Revenue);
        Assert.Equal(140, state.Trend.Single(p => p.Day == TestCompany.PlanStart.AddDays(16)).Revenue);
    }

    [Fact]
    public async Task GetMetrics_RightAfterAContributionRevisesAPastDay_ShowsTheRevisedTrend()
    {
        var territory = await TerritoryAsync("deferred-read");
        await territory.ApplyContributions([Contribution(1, (15, 100))]);
        await territory.ApplyContributions([Contribution(2, (5, 40), (15, 100))]);

        var trend = (await territory.GetMetrics())!.Trend;

        Assert.Equal(40, trend.Single(p => p.Day == TestCompany.PlanStart.AddDays(10)).Revenue);
    }

    private async Task<ITerritoryGrain> TerritoryAsync(string workspace)
    {
        var info = (await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 1, 1))).Workspace!;
        return cluster.Grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, "t0"));
    }

    /// <summary>An account's whole contribution: revenue on the days given (days after the plan start), its latest event on day 20.</summary>
    private static AccountContribution Contribution(long sequence, params (int Day, double Revenue)[] days) => new(
        "external", sequence, new ActivityTotals { Events = days.Length, Revenue = days.Sum(d => d.Revenue) }, [], null, Latest, null,
        EarliestChangeAt: TestCompany.PlanStart.AddDays(days.Min(d => d.Day)),
        TotalsByDay: [.. days.Select(d => new DayTotals(EventDay.Of(TestCompany.PlanStart.AddDays(d.Day)), new ActivityTotals { Events = 1, Revenue = d.Revenue }))]);
}
