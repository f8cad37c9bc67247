using System.Collections.Concurrent;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Grains.Notifications;

namespace TerritoryGrid.Grains.Tests.Cluster;

/// <summary>What a silo's territories announced, in the order announced (the server's sink sends these to dashboards and webhooks).</summary>
public sealed class AnnouncedChanges : ITerritoryChangeSink
{
    private readonly ConcurrentQueue<(string Workspace, StatusChange Change)> statusChanges = new();

    public void TerritoryChanged(string workspace, TerritoryMetrics metrics)
    {
    }

    public void StatusChanged(string workspace, StatusChange change) => statusChanges.Enqueue((workspace, change));

    public IEnumerable<StatusChange> StatusChangesOf(string workspace) =>
        statusChanges.Where(c => c.Workspace == workspace).Select(c => c.Change);
}
