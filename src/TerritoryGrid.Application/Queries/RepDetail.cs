using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Application.Queries;

/// <summary>A rep with the accounts the rep owns, as of the territory's watermark and the alignment version given: the second level of drill-down;
/// every amount in <see cref="Currency"/>.</summary>
public sealed record RepDetail(string Workspace, RepMetrics Rep, IReadOnlyList<AccountMetrics> Accounts, int AlignmentVersion = 0, string? Currency = null);
