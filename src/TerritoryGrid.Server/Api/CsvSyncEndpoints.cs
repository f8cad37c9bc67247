using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TerritoryGrid.Application.Companies.Sync;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Api;

/// <summary>
/// A newer CRM export applied to the workspace's company: only what changed, keeping its live figures and history.
/// The same form and layouts as the CSV import; the whole export is read and validated before anything is applied.
/// </summary>
internal static class CsvSyncEndpoints
{
    public static RouteGroupBuilder MapCsvSync(this RouteGroupBuilder workspace)
    {
        workspace.MapPost("/company/csv/sync", SyncAsync)
            .RequireRole(Roles.Ingest)
            .RequireRateLimiting(LimitExtensions.IngestPolicy)
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(LimitExtensions.LongPolicy))
            .WithMetadata(new RequestSizeLimitAttribute(CompanyEndpoints.MaxCompanyBytes))
            .DisableAntiforgery()
            .WithSummary("Sync the company with a newer CRM export: apply only what changed")
            .WithDescription("The form of PUT …/company/csv: files 'territories', 'reps' and 'accounts' and a 'layout' (territorygrid, salesforce, hubspot or a layout JSON file); optional 'name'. The export is validated whole (400 with file, line and column, nothing applied), then diffed against the workspace's company: territories added, updated or removed; reps who joined (ramping up over rampWeeks, default 12), moved, were updated or left; accounts added, reassigned (territory or owner changed in the CRM), orphaned (their owner left and none is given), updated, or closed (absent from the export: no more work asked from the effective time, past activity kept). Applied live without a new generation, effective at effectiveAt (the start of a day; default the first midnight after the workspace's latest event), moves the way a plan applies them. dryRun=true lists the changes without applying them. The answer lists every change by kind and id, with counts; the same export again changes nothing and answers an empty list. 404 without a company; 409 when an account to move already has activity at or after effectiveAt, or the alignment changed meanwhile (nothing applied).")
            .Produces<CompanySyncResult>()
            .Produces<CompanySyncResult>(StatusCodes.Status400BadRequest)
            .Produces<CompanySyncResult>(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return workspace;
    }

    private static async Task<Results<Ok<CompanySyncResult>, BadRequest<CompanySyncResult>, Conflict<CompanySyncResult>, ProblemHttpResult>> SyncAsync(
        string workspace, HttpRequest request, CompanySync sync, bool? dryRun, string? effectiveAt, int? rampWeeks, CancellationToken cancellationToken)
    {
        if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
        {
            return invalid;
        }

        DateTimeOffset? effective = null;
        if (effectiveAt is { Length: > 0 })
        {
            if (!DateTimeOffset.TryParse(effectiveAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return ApiErrors.BadRequest($"effectiveAt '{effectiveAt}' is not an ISO 8601 date and time (e.g. 2026-12-01T00:00:00Z)");
            }

            effective = parsed;
        }

        var (read, failure) = await CsvCompanyForm.ReadAsync(request, "Imported company", cancellationToken);
        if (read is null)
        {
            return failure!;
        }

        WorkspaceHeader.Set(request.HttpContext, workspace);
        var name = read.Form["name"].FirstOrDefault() is { Length: > 0 } given ? given : null;
        if (read.Company is null)
        {
            return TypedResults.BadRequest(CompanySyncResult.Invalid(workspace, effective, read.Errors));
        }

        try
        {
            var result = await sync.SyncAsync(workspace, read.Company, new SyncRequest(dryRun ?? false, effective, rampWeeks, name), cancellationToken);
            return result.Errors.Count > 0 ? TypedResults.BadRequest(result with { Errors = read.Reader.Locate(result.Errors) })
                : result.Refusals.Count > 0 ? TypedResults.Conflict(result)
                : TypedResults.Ok(result);
        }
        catch (WorkspaceNotReadyException error)
        {
            return ApiErrors.NotFound(error.Message);
        }
        catch (InvalidOperationException error) when (error.Message.Contains("alignment", StringComparison.Ordinal))
        {
            return TypedResults.Problem(detail: $"the company changed while the sync was applied ({error.Message}): send the export again", statusCode: StatusCodes.Status409Conflict);
        }
    }
}
