using Microsoft.AspNetCore.SignalR;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Queries;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Dashboard;

/// <summary>
/// The dashboard's live channel. A client joins only the groups of what it shows: a workspace's overview, or one
/// territory's drill-down; frames are pushed by <see cref="DashboardPusher"/>, never per event.
/// </summary>
public sealed class TerritoryHub(MetricsReader reader) : Hub
{
    public const string Path = "/hubs/territories";

    public override Task OnConnectedAsync()
    {
        DashboardTelemetry.Clients.Add(1);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        DashboardTelemetry.Clients.Add(-1);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>A key limited to part of the company joins its own overview group, whose frames carry only its territories.</summary>
    public Task SubscribeOverview(string workspace) => Groups.AddToGroupAsync(Context.ConnectionId, OverviewGroupOfCaller(Checked(workspace)));

    public Task UnsubscribeOverview(string workspace) => Groups.RemoveFromGroupAsync(Context.ConnectionId, OverviewGroupOfCaller(Checked(workspace)));

    public async Task SubscribeTerritory(string workspace, string territoryId)
    {
        var scope = CallerScope.Of(Context.User!);
        if (!await scope.AllowsAsync(reader, Checked(workspace), territoryId))
        {
            throw new HubException($"territory '{territoryId}' is outside what this key may see ({scope.Describe()})");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, TerritoryGroup(Checked(workspace), territoryId));
    }

    public Task UnsubscribeTerritory(string workspace, string territoryId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, TerritoryGroup(Checked(workspace), territoryId));

    public static string OverviewGroup(string workspace) => $"overview:{workspace}";

    public static string ScopedOverviewGroup(string workspace, string keyName) => $"overview:{workspace}:key:{keyName}";

    private string OverviewGroupOfCaller(string workspace) =>
        CallerScope.Of(Context.User!).IsWholeCompany ? OverviewGroup(workspace) : ScopedOverviewGroup(workspace, Context.User!.Identity!.Name!);

    public static string TerritoryGroup(string workspace, string territoryId) => $"territory:{workspace}:{territoryId}";

    private static string Checked(string workspace) =>
        WorkspaceName.IsValid(workspace) ? workspace : throw new HubException($"workspace '{workspace}' is not a valid name: {WorkspaceName.Rule}");
}
