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
        workspace.MapPost("/roster/csv", ImportAsync)
            .RequireRole(Roles.Ingest)
            .RequireRateLimiting(LimitExtensions.IngestPolicy)
            .WithSummary("Roster changes from a CSV file: leaves with dates, departures, availability changes, hires with ramp-up")
            .WithDescription("multipart/form-data with a file 'roster' (CSV, UTF-8): one change per line, columns rep_id, change (leave, departure, availability, hire), effective_at, and where the change needs them until, availability, territory_id, rep_name, role, home_latitude, home_longitude, selling_hours_per_week, ramp_weeks. Dates in ISO 8601, or in the formats of the layout named by the form field 'layout'. Every line that cannot be read or is refused is listed with file, line, column and reason; the others apply.")
            .Produces<RosterCsvResult>()
            .Produces<RosterCsvResult>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return workspace;
    }

    private static async Task<Results<Ok<RosterCsvResult>, BadRequest<RosterCsvResult>, ProblemHttpResult>> ImportAsync(
        string workspace, HttpRequest request, RosterService roster, CancellationToken cancellationToken)
    {
        var (form, failure) = await CsvForm.ReadAsync(request, "a file 'roster'", cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        var (layout, layoutFailure) = await CsvForm.LayoutAsync(form!, cancellationToken);
        if (layoutFailure is not null)
        {
            return layoutFailure;
        }

        if (form!.Files["roster"] is not { } file)
        {
            return ApiErrors.BadRequest("the form has no file 'roster'");
        }

        Application.Companies.Csv.CsvTable table;
        try
        {
            table = await CsvForm.TableAsync(file, "roster", cancellationToken);
        }
        catch (FormatException error)
        {
            return ApiErrors.BadRequest(error.Message);
        }

        var (changes, refused) = new RosterCsvReader(layout!.CompanyDateFormats).Read(table);
        var result = await roster.ApplyAsync(workspace, [.. changes.Select(c => (RosterChangeInput?)c.Change)]);
        refused.AddRange(result.Rejected.Select(r => new RosterLineRefusal(table.File, changes[r.Index].Line, null, r.RepId, r.Reason)));
        var answer = new RosterCsvResult(workspace, result.Applied, [.. refused.OrderBy(r => r.Line)]);
        return result.Applied == 0 && refused.Count > 0 ? TypedResults.BadRequest(answer) : TypedResults.Ok(answer);
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
