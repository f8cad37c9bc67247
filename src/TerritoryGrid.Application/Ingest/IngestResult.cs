using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.Ingest;

/// <summary>
/// What happened to a posted batch: <see cref="Accepted"/> events were applied (of which <see cref="Late"/> too late
/// for the rolling windows), <see cref="Duplicates"/> had been applied before, and every refused event is listed
/// with its index and reason. Accepted + duplicates + rejected = events posted.
/// </summary>
public sealed record IngestResult(
    string Workspace,
    int Generation,
    int Accepted,
    int Late,
    int Duplicates,
    IReadOnlyList<RejectedEvent> Rejected);
