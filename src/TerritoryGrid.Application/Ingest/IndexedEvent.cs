using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.Ingest;

/// <summary>A valid event and its position in the posted batch (errors and outcomes are reported by position).</summary>
public readonly record struct IndexedEvent(int Index, ActivityEvent Event);
