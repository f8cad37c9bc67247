using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Grains.Notifications;

/// <summary>The sink of a silo that serves no dashboard (a batch simulation, a benchmark): changes go nowhere.</summary>
internal sealed class NoDashboardSink : ITerritoryChangeSink
{
    public bool ShowsFigures => false;

    public void TerritoryChanged(string workspace, TerritoryMetrics metrics)
    {
    }

    public void StatusChanged(string workspace, StatusChange change)
    {
    }
}
