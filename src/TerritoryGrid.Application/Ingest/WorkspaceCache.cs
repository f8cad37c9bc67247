using System.Collections.Concurrent;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Application.Ingest;

/// <summary>
/// Each process's view of which company generation a workspace is on, refreshed at most every second, so that no
/// single grain (the workspace's) sits on the path of every ingested batch. A load in this process drops it at once;
/// front ends elsewhere see a replaced company within a second.
/// </summary>
public sealed class WorkspaceCache(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (WorkspaceInfo Info, DateTimeOffset ReadAt)> entries = new(StringComparer.Ordinal);

    public async ValueTask<WorkspaceInfo> GetAsync(string workspace)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(workspace, out var entry) && now - entry.ReadAt < Freshness)
        {
            return entry.Info;
        }

        var info = await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo();
        entries[workspace] = (info, now);
        return info;
    }

    public void Forget(string workspace) => entries.TryRemove(workspace, out _);
}
