using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Grains.Rollups;
using TerritoryGrid.Grains.Tests.Cluster;

namespace TerritoryGrid.Grains.Tests.Rollups;

/// <summary>
/// Silos whose dispatchers would not flush for an hour: only a drain delivers what their accounts publish (loading a
/// company here waits out its 30-s bound for the territories to hear from their accounts).
/// </summary>
public sealed class HeldRollupsFixture() : ClusterFixture(TimeSpan.FromHours(1), TimeSpan.FromHours(1))
{
    /// <summary>Accounts placed at random, so both silos hold some (the default placement may put them all on one).</summary>
    protected override void ConfigureSilo(ISiloBuilder silo) => silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
}

public sealed class RollupDrainTests(HeldRollupsFixture cluster) : IClassFixture<HeldRollupsFixture>
{
    [Fact]
    public async Task Drain_ContributionsWaitingOnBothSilos_ReachTheTerritoryBeforeItReturns()
    {
        const string workspace = "drain";
        var orders = await LoadAndOrderAsync(workspace);
        var dispatchers = cluster.SiloServices.Select(s => s.GetRequiredService<RollupDispatcher>()).ToList();
        var before = dispatchers.Select(d => d.Counts).ToList();
        Assert.All(before, counts => Assert.True(counts.Published > counts.Delivered, $"a silo has nothing waiting: {counts}"));
        Assert.Equal(0, (await cluster.Reader.TerritoryAsync(workspace, "t0"))!.Territory.Totals.Events);

        await cluster.SiloServices[0].GetRequiredService<IRollupDrain>().DrainAsync();

        var territory = (await cluster.Reader.TerritoryAsync(workspace, "t0"))!.Territory;
        Assert.Equal(40, territory.Totals.Events);
        Assert.Equal(orders.Sum(o => o.Amount), territory.Totals.Revenue);
    }

    [Fact]
    public async Task DrainWithReps_DeliversTheRepsContributionsToo_WhichATerritoryDrainLeavesForTheirFlush()
    {
        const string workspace = "drain-reps";
        await LoadAndOrderAsync(workspace);
        var drain = cluster.SiloServices[0].GetRequiredService<IRollupDrain>();

        await drain.DrainAsync();
        Assert.Equal(40, (await cluster.Reader.TerritoryAsync(workspace, "t0"))!.Territory.Totals.Events);
        Assert.Equal(0, (await RepEventsAsync(workspace)).Sum());

        await drain.DrainWithRepsAsync();
        Assert.Equal(new long[] { 20, 20 }, await RepEventsAsync(workspace));
    }

    /// <summary>A territory of two reps and 40 accounts, and one order on each account (its rep alternating), all accepted.</summary>
    private async Task<List<ActivityEvent>> LoadAndOrderAsync(string workspace)
    {
        await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 2, 40));
        var orders = Enumerable.Range(0, 40)
            .Select(i => new ActivityEvent($"o{i}", ActivityKind.Order, TestCompany.PlanStart.AddDays(1 + (i % 7)), $"t0-a{i}", $"t0-r{i % 2}", Amount: 10 + i))
            .ToList();
        Assert.Equal(40, (await cluster.Ingestor.IngestAsync(workspace, orders)).Accepted);
        return orders;
    }

    private Task<long[]> RepEventsAsync(string workspace) =>
        Task.WhenAll(new[] { "t0-r0", "t0-r1" }.Select(async rep => (await cluster.Reader.RepAsync(workspace, rep))!.Rep.Totals.Events));
}

/// <summary>Held roll-ups, and calls to system targets (a silo's roll-up drain is one) that wait at most 4 s for an answer.</summary>
public sealed class ShortCallsFixture() : ClusterFixture(TimeSpan.FromHours(1), TimeSpan.FromHours(1))
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(4);

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<PlacementStrategy, RandomPlacement>();
        silo.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.SystemResponseTimeout = ResponseTimeout);
    }
}

/// <summary>
/// A drain whose delivery outlasts a call's response timeout (after a restart every account reports again at once)
/// must still wait for it: a warm-up or a rebuild that says "done" when the call times out shows partial figures.
/// </summary>
public sealed class SlowDrainTests(ShortCallsFixture cluster) : IClassFixture<ShortCallsFixture>
{
    [Fact]
    public async Task Drain_DeliveryLongerThanACallMayWait_ReturnsOnlyOnceDelivered()
    {
        const string workspace = "slow-drain";
        await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 2, 40));
        var orders = Enumerable.Range(0, 40)
            .Select(i => new ActivityEvent($"o{i}", ActivityKind.Order, TestCompany.PlanStart.AddDays(1 + (i % 7)), $"t0-a{i}", $"t0-r{i % 2}", Amount: 10 + i))
            .ToList();
        Assert.Equal(40, (await cluster.Ingestor.IngestAsync(workspace, orders)).Accepted);
        var busy = cluster.SiloServices[1].GetRequiredService<RollupDispatcher>().FlushGate;

        // Silo 1 is busy delivering for twice as long as a call may wait.
        await busy.WaitAsync();
        Task drain;
        try
        {
            drain = cluster.SiloServices[0].GetRequiredService<IRollupDrain>().DrainAsync();
            await Task.Delay(ShortCallsFixture.ResponseTimeout * 2);
            Assert.False(drain.IsCompleted, "the drain returned while a silo was still delivering");
        }
        finally
        {
            busy.Release();
        }

        await drain.WaitAsync(TimeSpan.FromSeconds(30));
        var territory = (await cluster.Reader.TerritoryAsync(workspace, "t0"))!.Territory;
        Assert.Equal(40, territory.Totals.Events);
        Assert.Equal(orders.Sum(o => o.Amount), territory.Totals.Revenue);
    }
}
