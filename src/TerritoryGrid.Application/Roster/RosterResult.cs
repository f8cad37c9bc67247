namespace TerritoryGrid.Application.Roster;

/// <summary>How many roster changes were applied, and each refused one with its index and reason.</summary>
public sealed record RosterResult(string Workspace, int Applied, IReadOnlyList<RosterRefusal> Rejected);

public sealed record RosterRefusal(int Index, string? RepId, string Reason);
