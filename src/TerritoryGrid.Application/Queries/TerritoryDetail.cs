using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Application.Queries;

/// <summary>A territory with its reps and its status history: the first level of drill-down, at the alignment version given;
/// every amount in <see cref="Currency"/>.</summary>
public sealed record TerritoryDetail(
    string Workspace,
    TerritoryMetrics Territory,
    IReadOnlyList<RepMetrics> Reps,
    IReadOnlyList<StatusChange> StatusHistory,
    int AlignmentVersion = 0,
    string? Currency = null);
