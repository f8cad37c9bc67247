using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Server.Dashboard;

/// <summary>One overview frame: every territory that changed since the last frame, and the status flips, of one workspace.</summary>
public sealed record OverviewFrame(string Workspace, long Frame, IReadOnlyList<TerritoryMetrics> Territories, IReadOnlyList<StatusChange> Alerts);

/// <summary>One drill-down frame: a territory's latest figures.</summary>
public sealed record TerritoryFrame(string Workspace, long Frame, TerritoryMetrics Territory);
