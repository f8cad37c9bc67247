namespace TerritoryGrid.Contracts.Grains;

/// <summary>The names of the workspaces that hold a company. A single grain (key 0): touched only when a company loads.</summary>
[Alias("tg.IWorkspaceDirectoryGrain")]
public interface IWorkspaceDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Register")]
    Task Register(string workspace);

    [Alias("List")]
    Task<string[]> List();
}
