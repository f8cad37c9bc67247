using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Grains.Notifications;

namespace TerritoryGrid.Server.Dashboard;

/// <summary>
/// Turns territory changes into SignalR frames: keeps only the latest figures of each territory and every status
/// flip, and every <see cref="Interval"/> sends each workspace's overview group one batched frame and each changed
/// territory's group its figures. The grain side never waits on it (the sink only records).
/// </summary>
public sealed partial class DashboardPusher(IHubContext<TerritoryHub> hub, ILogger<DashboardPusher> logger) : BackgroundService, ITerritoryChangeSink
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private ConcurrentDictionary<(string Workspace, string Territory), TerritoryMetrics> changed = new();
    private ConcurrentQueue<(string Workspace, StatusChange Change)> alerts = new();
    private long frames;

    /// <summary>Frames sent so far (for tests and telemetry).</summary>
    public long Frames => Interlocked.Read(ref frames);

    public void TerritoryChanged(string workspace, TerritoryMetrics metrics) => changed[(workspace, metrics.Id)] = metrics;

    public void StatusChanged(string workspace, StatusChange change) => alerts.Enqueue((workspace, change));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PushAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogPushFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task PushAsync(CancellationToken cancellationToken)
    {
        var territories = Interlocked.Exchange(ref changed, new());
        var flips = Interlocked.Exchange(ref alerts, new());
        if (territories.IsEmpty && flips.IsEmpty)
        {
            return;
        }

        var byWorkspace = territories.GroupBy(t => t.Key.Workspace).ToDictionary(g => g.Key, g => g.Select(t => t.Value).ToList());
        var alertsByWorkspace = flips.GroupBy(a => a.Workspace).ToDictionary(g => g.Key, g => g.Select(a => a.Change).ToList());
        var sends = new List<Task>();
        foreach (var workspace in byWorkspace.Keys.Union(alertsByWorkspace.Keys))
        {
            var frame = new OverviewFrame(workspace, Interlocked.Increment(ref frames),
                byWorkspace.GetValueOrDefault(workspace) ?? [], alertsByWorkspace.GetValueOrDefault(workspace) ?? []);
            sends.Add(hub.Clients.Group(TerritoryHub.OverviewGroup(workspace)).SendAsync("overview", frame, cancellationToken));
        }

        foreach (var ((workspace, territoryId), metrics) in territories)
        {
            var frame = new TerritoryFrame(workspace, Interlocked.Increment(ref frames), metrics);
            sends.Add(hub.Clients.Group(TerritoryHub.TerritoryGroup(workspace, territoryId)).SendAsync("territory", frame, cancellationToken));
        }

        await Task.WhenAll(sends);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing dashboard frames failed; the next frame carries the latest figures")]
    private static partial void LogPushFailed(ILogger logger, Exception exception);
}
