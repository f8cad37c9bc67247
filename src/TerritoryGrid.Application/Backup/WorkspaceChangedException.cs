namespace TerritoryGrid.Application.Backup;

/// <summary>A company load or a plan application switched the workspace while a backup was taken: the file would mix both.</summary>
public sealed class WorkspaceChangedException(string message) : Exception(message);
