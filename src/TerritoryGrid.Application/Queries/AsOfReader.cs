using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Application.Queries;

/// <summary>
/// Reads territories as they stood at the end of a past event-time day, from the daily snapshots their grains record
/// as their watermarks close days.
/// </summary>
public sealed class AsOfReader(IGrainFactory grains, MetricsReader live)
{
    /// <summary>
    /// Every territory's figures at the end of <paramref name="day"/>, and the territories with no snapshot of that day
    /// (their live figures, so a caller can still tell their scope).
    /// </summary>
    public async Task<TerritoriesAsOf> TerritoriesAsync(string workspace, DateOnly day)
    {
        var info = await live.WorkspaceAsync(workspace);
        var found = await Task.WhenAll(info.TerritoryIds.Select(async id =>
        {
            var grain = grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, id));
            return await grain.GetMetricsAsOf(day) is { } asOf
                ? (Territory: (TerritoryMetrics?)asOf.Territory, Missing: false)
                : (Territory: await grain.GetMetrics(), Missing: true);
        }));
        var recorded = found.Where(f => !f.Missing).Select(f => f.Territory).OfType<TerritoryMetrics>();
        var missing = found.Where(f => f.Missing).Select(f => f.Territory).OfType<TerritoryMetrics>().OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        return new TerritoriesAsOf([.. recorded], missing);
    }

    /// <summary>A territory at the end of <paramref name="day"/> with its status history up to then; its reps are not kept per day.</summary>
    public async Task<TerritoryDetail?> TerritoryAsync(string workspace, string territoryId, DateOnly day)
    {
        var info = await live.WorkspaceAsync(workspace);
        var asOf = await grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, territoryId)).GetMetricsAsOf(day);
        return asOf is null ? null : new TerritoryDetail(workspace, asOf.Territory, [], asOf.StatusHistory);
    }
}

/// <summary>Territories at the end of a day, and those (with their live figures) that have no snapshot of it.</summary>
public sealed record TerritoriesAsOf(IReadOnlyList<TerritoryMetrics> Territories, IReadOnlyList<TerritoryMetrics> NotRecorded);
