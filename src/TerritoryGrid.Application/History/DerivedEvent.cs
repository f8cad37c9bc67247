using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.History;

/// <summary>An event derived from a row, with where it came from so its outcome is reported against the file and line.</summary>
public readonly record struct DerivedEvent(int File, int Line, ActivityEvent Event);
