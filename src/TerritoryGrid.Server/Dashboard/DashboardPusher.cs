using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Grains.Notifications;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Dashboard;

/// <summary>
/// Turns territory changes into SignalR frames: keeps only the latest figures of each territory and every status
/// flip, and every <see cref="Interval"/> sends each workspace's overview group one batched frame and each changed
/// territory's group its figures. The grain side never waits on it (the sink only records).
/// </summary>
public sealed partial class DashboardPusher(IHubContext<TerritoryHub> hub, ApiKeyStore keys, ILogger<DashboardPusher> logger) : BackgroundService, ITerritoryChangeSink
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    // Taken entry by entry, never swapped for new collections: a grain that had read the old one's reference just
    // before a swap would write into it after the push had read it, and that change or alert would be lost.
    private readonly ConcurrentDictionary<(string Workspace, string Territory), TerritoryMetrics> changed = new();
    private readonly ConcurrentQueue<(string Workspace, StatusChange Change)> alerts = new();
    private long frames;

    // The coverage trend each territory last carried in an overview frame; touched only by the push loop.
    private readonly Dictionary<(string Workspace, string Territory), double?[]> trendsSent = [];

    /// <summary>Frames sent so far (for tests and telemetry).</summary>
    public long Frames => Interlocked.Read(ref frames);

    // Each territory's region, for scoped keys' alerts (an alert names only its territory).
    private readonly ConcurrentDictionary<(string Workspace, string Territory), string?> regions = new();

    public void TerritoryChanged(string workspace, TerritoryMetrics metrics)
    {
        changed[(workspace, metrics.Id)] = metrics;
        regions[(workspace, metrics.Id)] = metrics.Region;
    }

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
        var territories = TakeChanged();
        var flips = new List<(string Workspace, StatusChange Change)>();
        while (alerts.TryDequeue(out var flip))
        {
            flips.Add(flip);
        }

        if (territories.Count == 0 && flips.Count == 0)
        {
            return;
        }

        var byWorkspace = territories.GroupBy(t => t.Key.Workspace).ToDictionary(g => g.Key, g => g.Select(t => t.Value).ToList());
        var alertsByWorkspace = flips.GroupBy(a => a.Workspace).ToDictionary(g => g.Key, g => g.Select(a => a.Change).ToList());
        var sends = new List<Task>();
        foreach (var workspace in byWorkspace.Keys.Union(alertsByWorkspace.Keys))
        {
            var (overview, trendUnchanged) = OverviewOf(workspace, byWorkspace.GetValueOrDefault(workspace) ?? []);
            var frame = new OverviewFrame(workspace, Interlocked.Increment(ref frames),
                overview, alertsByWorkspace.GetValueOrDefault(workspace) ?? [], trendUnchanged);
            sends.Add(hub.Clients.Group(TerritoryHub.OverviewGroup(workspace)).SendAsync("overview", frame, cancellationToken));
            sends.AddRange(ScopedFrames(frame).Select(scoped =>
                hub.Clients.Group(TerritoryHub.ScopedOverviewGroup(workspace, scoped.Key)).SendAsync("overview", scoped.Frame, cancellationToken)));
        }

        foreach (var ((workspace, territoryId), metrics) in territories)
        {
            var frame = new TerritoryFrame(workspace, Interlocked.Increment(ref frames), metrics);
            sends.Add(hub.Clients.Group(TerritoryHub.TerritoryGroup(workspace, territoryId)).SendAsync("territory", frame, cancellationToken));
        }

        await Task.WhenAll(sends);
        DashboardTelemetry.Frames.Add(byWorkspace.Keys.Union(alertsByWorkspace.Keys).Count(), new KeyValuePair<string, object?>("kind", "overview"));
        DashboardTelemetry.Frames.Add(territories.Count, new KeyValuePair<string, object?>("kind", "territory"));
    }

    /// <summary>The latest figures of each changed territory; figures written after one is taken wait for the next push.</summary>
    private List<KeyValuePair<(string Workspace, string Territory), TerritoryMetrics>> TakeChanged()
    {
        var taken = new List<KeyValuePair<(string Workspace, string Territory), TerritoryMetrics>>();
        foreach (var key in changed.Keys)
        {
            if (changed.TryRemove(key, out var metrics))
            {
                taken.Add(new(key, metrics));
            }
        }

        return taken;
    }

    /// <summary>Each key limited to part of the company gets the frame cut to its territories (nothing when nothing is left).</summary>
    private IEnumerable<(string Key, OverviewFrame Frame)> ScopedFrames(OverviewFrame frame)
    {
        foreach (var key in keys.Scoped)
        {
            var scope = CallerScope.Of(key);
            var territories = frame.Territories.Where(t => scope.Allows(t.Id, t.Region)).ToList();
            var alerts = frame.Alerts.Where(a => scope.Allows(a.TerritoryId, regions.GetValueOrDefault((frame.Workspace, a.TerritoryId)))).ToList();
            if (territories.Count > 0 || alerts.Count > 0)
            {
                yield return (key.Name, frame with { Territories = territories, Alerts = alerts });
            }
        }
    }

    /// <summary>
    /// What the overview shows of each territory, leaving out each coverage trend the overview group already has (it
    /// moves only when a day closes). Territory (drill-down) frames keep the whole figures.
    /// </summary>
    private (List<TerritoryOverview> Territories, List<string> TrendUnchanged) OverviewOf(string workspace, List<TerritoryMetrics> territories)
    {
        var overview = new List<TerritoryOverview>(territories.Count);
        var unchanged = new List<string>();
        foreach (var metrics in territories)
        {
            var territory = TerritoryOverview.Of(metrics);
            var key = (workspace, metrics.Id);
            if (trendsSent.TryGetValue(key, out var sent) && sent.AsSpan().SequenceEqual(territory.CoverageTrend))
            {
                territory = territory with { CoverageTrend = [] };
                unchanged.Add(metrics.Id);
            }
            else
            {
                trendsSent[key] = territory.CoverageTrend;
            }

            overview.Add(territory);
        }

        return (overview, unchanged);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing dashboard frames failed; the next frame carries the latest figures")]
    private static partial void LogPushFailed(ILogger logger, Exception exception);
}
