using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Server.Hosting;

/// <summary>The territories of every workspace's current company, workspace by workspace (the recoveries walk them all).</summary>
internal static class EveryTerritory
{
    public static async IAsyncEnumerable<(string Workspace, ITerritoryGrain[] Territories)> ByWorkspaceAsync(IGrainFactory grains)
    {
        foreach (var workspace in await grains.GetGrain<IWorkspaceDirectoryGrain>(0).List())
        {
            var info = await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo();
            yield return (workspace, [.. info.TerritoryIds.Select(id => grains.GetGrain<ITerritoryGrain>(GrainKeys.Of(workspace, info.Generation, id)))]);
        }
    }
}
