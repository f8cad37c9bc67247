using System.Diagnostics.Metrics;

namespace TerritoryGrid.Server.Dashboard;

/// <summary>The dashboard's push: frames sent (by kind) and dashboard clients connected, on the "TerritoryGrid" meter.</summary>
internal static class DashboardTelemetry
{
    private static readonly Meter Meter = new("TerritoryGrid");

    public static readonly Counter<long> Frames = Meter.CreateCounter<long>(
        "territorygrid.dashboard.frames", "{frame}", "SignalR frames pushed to groups, by kind (overview, territory)");

    public static readonly UpDownCounter<long> Clients = Meter.CreateUpDownCounter<long>(
        "territorygrid.dashboard.clients", "{connection}", "Dashboard (SignalR) connections open");
}
