using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Workspaces;

internal sealed class WorkspaceDirectoryGrain(
    [PersistentState("workspaces", StorageNames.Grains)] IPersistentState<SortedSet<string>> names)
    : Grain, IWorkspaceDirectoryGrain
{
    public async Task Register(string workspace)
    {
        if (names.State.Add(workspace))
        {
            await names.WriteStateAsync();
        }
    }

    public Task<string[]> List() => Task.FromResult(names.State.ToArray());
}
