namespace TerritoryGrid.Application.Ingest;

/// <summary>The workspace has no company loaded, so nothing can be applied or read.</summary>
public sealed class WorkspaceNotReadyException(string workspace)
    : Exception($"workspace '{workspace}' has no company; load one with PUT /api/workspaces/{workspace}/company")
{
    public string Workspace { get; } = workspace;
}
