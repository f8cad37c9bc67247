using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application.Queries;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Server.Api;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Alerts;

/// <summary>Acknowledging an alert: the territory's current status is not notified again until it changes.</summary>
internal static class AlertEndpoints
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder workspace)
    {
        workspace.MapPost("/alerts/{territoryId}/acknowledge", AcknowledgeAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("Acknowledge a territory's current status: no webhook notification of it again until the status changes")
            .Produces<AlertAcknowledgement>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        workspace.MapGet("/alerts/acknowledged", ListAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("The acknowledged alerts of the workspace")
            .Produces<AlertAcknowledgement[]>();
        return workspace;
    }

    private static async Task<Results<Ok<AlertAcknowledgement>, ProblemHttpResult>> AcknowledgeAsync(
        string workspace, string territoryId, MetricsReader reader, IGrainFactory grains, ClaimsPrincipal user)
    {
        if (await reader.TerritoryAsync(workspace, territoryId) is not { } detail)
        {
            return ApiErrors.NotFound($"no territory '{territoryId}' in workspace '{workspace}'");
        }

        var scope = CallerScope.Of(user);
        if (!scope.Allows(detail.Territory))
        {
            return ApiErrors.OutsideScope($"territory '{territoryId}'", scope);
        }

        return TypedResults.Ok(await grains.GetGrain<IAlertBookGrain>(workspace)
            .Acknowledge(territoryId, detail.Territory.Status, user.Identity?.Name ?? "unknown"));
    }

    private static async Task<Ok<AlertAcknowledgement[]>> ListAsync(string workspace, IGrainFactory grains, ClaimsPrincipal user)
    {
        var scope = CallerScope.Of(user);
        var all = await grains.GetGrain<IAlertBookGrain>(workspace).List();
        return TypedResults.Ok(scope.IsWholeCompany ? all : all.Where(a => scope.Allows(a.TerritoryId, null)).ToArray());
    }
}
