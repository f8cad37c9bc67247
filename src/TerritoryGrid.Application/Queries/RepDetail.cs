using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Application.Queries;

/// <summary>A rep with the accounts the rep owns, as of the territory's watermark and the alignment version given: the second level of drill-down.</summary>
public sealed record RepDetail(string Workspace, RepMetrics Rep, IReadOnlyList<AccountMetrics> Accounts, int AlignmentVersion = 0);
