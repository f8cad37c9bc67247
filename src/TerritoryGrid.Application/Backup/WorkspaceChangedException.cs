namespace TerritoryGrid.Application.Backup;

/// <summary>
/// A company load or a plan application switched the workspace while a backup was taken (the file would mix both), or a
/// rebuild is under way (the file would hold half-replayed history).
/// </summary>
public sealed class WorkspaceChangedException(string message) : Exception(message);
