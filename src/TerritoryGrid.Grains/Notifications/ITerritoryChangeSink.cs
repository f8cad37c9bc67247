using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Grains.Notifications;

/// <summary>
/// Where territory grains announce their changes (the server pushes them to dashboards). Calls are coalesced: a
/// territory announces at most once per <see cref="Domain.MetricsOptions.PushInterval"/>; status changes at once.
/// Implementations must not block: they run on the grain's turn.
/// </summary>
public interface ITerritoryChangeSink
{
    /// <summary>
    /// Whether anything is shown the figures <see cref="TerritoryChanged"/> carries: a sink without a dashboard says no,
    /// and territories then do not compute them (every account's window, at every push).
    /// </summary>
    bool ShowsFigures => true;

    void TerritoryChanged(string workspace, TerritoryMetrics metrics);

    void StatusChanged(string workspace, StatusChange change);
}
