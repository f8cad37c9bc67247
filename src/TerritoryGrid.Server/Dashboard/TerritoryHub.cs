using Microsoft.AspNetCore.SignalR;
using TerritoryGrid.Application.Companies;

namespace TerritoryGrid.Server.Dashboard;

/// <summary>
/// The dashboard's live channel. A client joins only the groups of what it shows: a workspace's overview, or one
/// territory's drill-down; frames are pushed by <see cref="DashboardPusher"/>, never per event.
/// </summary>
public sealed class TerritoryHub : Hub
{
    public const string Path = "/hubs/territories";

    public Task SubscribeOverview(string workspace) => Groups.AddToGroupAsync(Context.ConnectionId, OverviewGroup(Checked(workspace)));

    public Task UnsubscribeOverview(string workspace) => Groups.RemoveFromGroupAsync(Context.ConnectionId, OverviewGroup(Checked(workspace)));

    public Task SubscribeTerritory(string workspace, string territoryId) =>
        Groups.AddToGroupAsync(Context.ConnectionId, TerritoryGroup(Checked(workspace), territoryId));

    public Task UnsubscribeTerritory(string workspace, string territoryId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, TerritoryGroup(Checked(workspace), territoryId));

    public static string OverviewGroup(string workspace) => $"overview:{workspace}";

    public static string TerritoryGroup(string workspace, string territoryId) => $"territory:{workspace}:{territoryId}";

    private static string Checked(string workspace) =>
        WorkspaceName.IsValid(workspace) ? workspace : throw new HubException($"workspace '{workspace}' is not a valid name: {WorkspaceName.Rule}");
}
