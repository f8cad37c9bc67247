using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Server.Hosting;

/// <summary>The territories of every workspace's current company, workspace by workspace (the recoveries walk them all).</summary>
internal static class EveryTerritory
{
    public static async IAsyncEnumerable<(string Workspace, int Generation, string[] TerritoryIds)> ByWorkspaceAsync(IGrainFactory grains)
    {
        foreach (var workspace in await grains.GetGrain<IWorkspaceDirectoryGrain>(0).List())
        {
            var info = await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo();
            yield return (workspace, info.Generation, [.. info.TerritoryIds]);
        }
    }
}
