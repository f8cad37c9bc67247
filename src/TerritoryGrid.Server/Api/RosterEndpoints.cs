using TerritoryGrid.Server.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application;
using TerritoryGrid.Application.Roster;

namespace TerritoryGrid.Server.Api;

internal static class RosterEndpoints
{
    public static RouteGroupBuilder MapRoster(this RouteGroupBuilder workspace)
    {
        workspace.MapPost("/roster", ApplyAsync)
            .RequireRole(Roles.Ingest)
            .RequireRateLimiting(LimitExtensions.IngestPolicy)
            .WithSummary("Roster changes in event time: leave (until), departure (the rep's accounts orphaned until reassigned), availability, hire (with ramp-up)")
            .WithDescription("The body is a JSON array of changes {repId, kind, effectiveAt, until?, availability?, territoryId?, name?, role?, home?, sellingHoursPerWeek?, rampWeeks?}. A territory's capacity follows its reps' availability day by day, and its status history is revised from the earliest change. Valid changes apply even when others are refused; 400 when all are refused.")
            .Accepts<RosterChangeInput[]>("application/json")
            .Produces<RosterResult>()
            .Produces<RosterResult>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return workspace;
    }

    private static async Task<Results<Ok<RosterResult>, BadRequest<RosterResult>, ProblemHttpResult>> ApplyAsync(
        string workspace, HttpRequest request, RosterService roster, CancellationToken cancellationToken)
    {
        RosterChangeInput?[]? changes;
        try
        {
            changes = await JsonSerializer.DeserializeAsync<RosterChangeInput?[]>(request.Body, TerritoryGridJson.Options, cancellationToken);
        }
        catch (JsonException error)
        {
            return ApiErrors.MalformedJson(error);
        }

        if (changes is null)
        {
            return ApiErrors.BadRequest("the body must be a JSON array of roster changes");
        }

        var result = await roster.ApplyAsync(workspace, changes);
        return changes.Length > 0 && result.Applied == 0 ? TypedResults.BadRequest(result) : TypedResults.Ok(result);
    }
}
