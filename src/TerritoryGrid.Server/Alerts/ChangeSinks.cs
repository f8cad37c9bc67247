using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Grains.Notifications;
using TerritoryGrid.Server.Dashboard;

namespace TerritoryGrid.Server.Alerts;

/// <summary>Where territory grains' announcements go: the dashboard's frames, and status changes to the webhook.</summary>
internal sealed class ChangeSinks(DashboardPusher dashboard, WebhookNotifier webhook) : ITerritoryChangeSink
{
    public void TerritoryChanged(string workspace, TerritoryMetrics metrics) => dashboard.TerritoryChanged(workspace, metrics);

    public void StatusChanged(string workspace, StatusChange change)
    {
        dashboard.StatusChanged(workspace, change);
        webhook.StatusChanged(workspace, change);
    }
}
