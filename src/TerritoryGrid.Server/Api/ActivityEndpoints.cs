using TerritoryGrid.Server.Security;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application.Ingest;

namespace TerritoryGrid.Server.Api;

internal static class ActivityEndpoints
{
    public static RouteGroupBuilder MapActivity(this RouteGroupBuilder workspace)
    {
        workspace.MapPost("/activity", IngestAsync)
            .RequireRole(Roles.Ingest)
            .RequireRateLimiting(LimitExtensions.IngestPolicy)
            .WithSummary("Post a batch of activity events")
            .WithDescription("The body is a JSON array of events, or an object with an 'events' array. Each event has id, kind, occurredAt (ISO 8601 event time), accountId and, where it applies, repId, amount, cost, durationMinutes, travelMinutes, referenceId, product, score. Valid events are applied even when others in the batch are refused; the response counts accepted (of which late) and duplicate events and lists every refused one with its index and reason. An event id already applied is counted once, so a batch may be retried safely. 200 when anything was applied or was a duplicate; 400 when every event was refused.")
            .Produces<IngestResult>()
            .Produces<IngestResult>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return workspace;
    }

    private static async Task<Results<Ok<IngestResult>, BadRequest<IngestResult>, ProblemHttpResult>> IngestAsync(
        string workspace, HttpRequest request, ActivityIngestor ingestor, CancellationToken cancellationToken)
    {
        if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
        {
            return invalid;
        }

        WorkspaceHeader.Set(request.HttpContext, workspace);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException error)
        {
            return ApiErrors.MalformedJson(error);
        }
        catch (BadHttpRequestException error)
        {
            return ApiErrors.FromBadRequest(error);
        }

        using (document)
        {
            var root = document.RootElement;
            var events = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var inner) ? inner : root;
            ParsedBatch batch;
            try
            {
                batch = ActivityBatchParser.Parse(events, ingestor.Now, ingestor.Options);
            }
            catch (FormatException error)
            {
                return ApiErrors.BadRequest(error.Message);
            }

            try
            {
                var result = await ingestor.ApplyAsync(workspace, batch);
                return batch.Count > 0 && result.Accepted == 0 && result.Duplicates == 0
                    ? TypedResults.BadRequest(result)
                    : TypedResults.Ok(result);
            }
            catch (WorkspaceNotReadyException error)
            {
                return ApiErrors.NotFound(error.Message);
            }
        }
    }
}
