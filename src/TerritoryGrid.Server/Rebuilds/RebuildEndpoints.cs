using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application.Rebuilds;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Rebuilds;

/// <summary>
/// Rebuilding a workspace's metrics from its stored activity, after a change of thresholds, call patterns or formulas
/// (restart the silos with the new options, then start the rebuild): no downtime, progress to follow, the dashboard
/// says it is under way.
/// </summary>
internal static class RebuildEndpoints
{
    public static RouteGroupBuilder MapRebuild(this RouteGroupBuilder workspace)
    {
        var rebuild = workspace.MapGroup("/rebuild").WithTags("Operations");
        rebuild.MapPost("/", StartAsync).RequireRole(Roles.Admin)
            .WithSummary("Recompute the workspace's metrics and status history from its stored activity under the options in force (202; ingest goes on)")
            .Produces<RebuildView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status409Conflict);
        rebuild.MapGet("/", GetAsync).RequireRole(Roles.Viewer)
            .WithSummary("The rebuild under way or the last one: phase, records replayed of the total, outcome ('none' when there never was one)")
            .Produces<RebuildView>();
        return workspace;
    }

    private static async Task<Results<Accepted<RebuildView>, ProblemHttpResult>> StartAsync(
        string workspace, MetricsRebuild rebuild, IHostApplicationLifetime lifetime, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (started, refusal) = await rebuild.StartAsync(workspace, user.Identity?.Name ?? "unknown", cancellationToken);
        if (started is null)
        {
            return TypedResults.Problem(detail: refusal, statusCode: StatusCodes.Status409Conflict, title: "Cannot rebuild");
        }

        // Runs past this request: the server's stopping token ends it (it is recorded as stopped, to start again).
        _ = Task.Run(() => rebuild.RunAsync(started, lifetime.ApplicationStopping), CancellationToken.None);
        return TypedResults.Accepted($"/api/workspaces/{workspace}/rebuild", RebuildView.Of(workspace, started));
    }

    private static async Task<Ok<RebuildView>> GetAsync(string workspace, IGrainFactory grains) =>
        TypedResults.Ok(RebuildView.Of(workspace, await grains.GetGrain<IRebuildGrain>(workspace).Get()));
}
