using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Server.Dashboard;

/// <summary>
/// One overview frame: what the overview shows of every territory that changed since the last frame, and the status
/// flips, of one workspace. A territory listed in <see cref="TrendUnchanged"/> comes with an empty coverage trend: its
/// trend is the one it last carried (the trend moves only when a day closes; the REST snapshot has it whole).
/// </summary>
public sealed record OverviewFrame(
    string Workspace, long Frame, IReadOnlyList<TerritoryOverview> Territories, IReadOnlyList<StatusChange> Alerts, IReadOnlyList<string> TrendUnchanged);

/// <summary>One drill-down frame: a territory's latest figures.</summary>
public sealed record TerritoryFrame(string Workspace, long Frame, TerritoryMetrics Territory);
