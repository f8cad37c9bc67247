using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Grains.Tests.Cluster;

namespace TerritoryGrid.Grains.Tests.Persistence;

/// <summary>
/// Without a durable log, territories, reps and accounts write their state only as they deactivate (no periodic copy
/// into process memory): what they held must be there when they activate again. A cluster of its own, because every
/// idle activation of it is collected.
/// </summary>
public sealed class MemoryStorageDeactivationTests(ClusterFixture cluster) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Deactivated_with_memory_storage_territory_and_rep_figures_come_back_as_they_were()
    {
        const string workspace = "memory-deactivation";
        var loaded = await cluster.Loader.LoadAsync(workspace, TestCompany.Create(1, 2, 10));
        var events = Enumerable.Range(0, 60)
            .Select(i => new ActivityEvent($"d{i}", ActivityKind.Order, TestCompany.PlanStart.AddDays(1 + (i % 5)), $"t0-a{i % 10}", $"t0-r{i % 2}", Amount: 10 + i))
            .ToList();
        var result = await cluster.Ingestor.IngestAsync(workspace, events);
        Assert.Equal(events.Count, result.Accepted);
        var before = await Eventually.Get(
            () => cluster.Reader.TerritoryAsync(workspace, "t0"),
            d => d!.Territory.Totals.Events == events.Count && d.Reps.Sum(r => r.Totals.Events) == events.Count);
        Assert.Equal((events.Count, events.Count), (before!.Territory.Totals.Events, before.Reps.Sum(r => r.Totals.Events)));

        var management = cluster.Grains.GetGrain<IManagementGrain>(0);
        var territoryId = cluster.Grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, loaded.Workspace!.Generation, "t0")).GetGrainId();
        Assert.True(await ActiveAsync(management, territoryId));
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.False(await Eventually.Get(() => ActiveAsync(management, territoryId), active => !active));

        var after = await cluster.Reader.TerritoryAsync(workspace, "t0");
        Assert.Equal(before.Territory.Totals.Events, after!.Territory.Totals.Events);
        Assert.Equal(before.Territory.Totals.Revenue, after.Territory.Totals.Revenue);
        Assert.Equal(
            before.Reps.OrderBy(r => r.Id).Select(r => (r.Id, r.Totals.Events, r.Totals.Revenue)),
            after.Reps.OrderBy(r => r.Id).Select(r => (r.Id, r.Totals.Events, r.Totals.Revenue)));
    }

    private static async Task<bool> ActiveAsync(IManagementGrain management, GrainId grain) =>
        (await management.GetActiveGrains(grain.Type)).Contains(grain);
}
