using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.Ingest;

/// <summary>A posted batch split into the events that can be applied and those refused before reaching a grain.</summary>
public sealed record ParsedBatch(IReadOnlyList<IndexedEvent> Valid, IReadOnlyList<RejectedEvent> Rejected, int Count);
