namespace TerritoryGrid.Contracts.Company;

/// <summary>The live company, or a sandbox that simulations and plan stress tests write into.</summary>
public enum WorkspaceKind
{
    Live = 0,
    Sandbox = 1,
}
