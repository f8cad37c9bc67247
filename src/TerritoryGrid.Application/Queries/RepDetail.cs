using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Application.Queries;

/// <summary>A rep with the accounts the rep owns, as of the territory's watermark: the second level of drill-down.</summary>
public sealed record RepDetail(string Workspace, RepMetrics Rep, IReadOnlyList<AccountMetrics> Accounts);
