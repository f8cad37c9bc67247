using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Server.Dashboard;

/// <summary>
/// One overview frame: every territory that changed since the last frame, and the status flips, of one workspace. A
/// territory listed in <see cref="TrendUnchanged"/> comes with an empty trend: its trend is the one it last carried
/// (the trend moves only when a day closes, and is ~90% of a territory's figures; the REST snapshot has it whole).
/// </summary>
public sealed record OverviewFrame(
    string Workspace, long Frame, IReadOnlyList<TerritoryMetrics> Territories, IReadOnlyList<StatusChange> Alerts, IReadOnlyList<string> TrendUnchanged);

/// <summary>One drill-down frame: a territory's latest figures.</summary>
public sealed record TerritoryFrame(string Workspace, long Frame, TerritoryMetrics Territory);
