using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TerritoryGrid.Application.History;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Api;

/// <summary>
/// Activity history from CRM exports (opportunity snapshots, orders, logged activities) through the layout's history
/// sections: usable rows become events with stable ids and are ingested like posted activity; each file is answered
/// with its counts, the rows it could not use (line, column, reason) and notices.
/// </summary>
internal static class HistoryImportEndpoints
{
    public static RouteGroupBuilder MapHistoryImport(this RouteGroupBuilder workspace)
    {
        workspace.MapPost("/activity/csv", ImportAsync)
            .RequireRole(Roles.Ingest)
            .RequireRateLimiting(LimitExtensions.IngestPolicy)
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(LimitExtensions.LongPolicy))
            .WithMetadata(new RequestSizeLimitAttribute(CompanyEndpoints.MaxCompanyBytes))
            .DisableAntiforgery()
            .WithSummary("Load activity history from CSV exports")
            .WithDescription("multipart/form-data with one or more files 'opportunities' (snapshots: each row's stage derives lead, qualification and win or loss events), 'orders' and 'activities' (CSV, UTF-8, RFC 4180), and 'layout' as for the company import (a shipped layout's name, territorygrid by default, or a layout JSON file with a 'history' section). Event ids derive from row ids, so importing a file again, or a later snapshot, adds only what is new. Rows that cannot be used are reported with line, column and reason and the rest is loaded. Per file: rows, rows rejected, events derived, accepted (late), duplicates, older than the duplicate horizon, not applied, rejected and notices. 200, or 400 when no row of any file could be used.")
            .Produces<HistoryImportResult>()
            .Produces<HistoryImportResult>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return workspace;
    }

    private static async Task<IResult> ImportAsync(
        string workspace, HttpRequest request, HistoryImporter importer, CancellationToken cancellationToken)
    {
        if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
        {
            return invalid;
        }

        var parts = Enum.GetValues<HistoryFileKind>().Select(HistoryLayout.Section).ToArray();
        var (form, unreadable) = await CsvForm.ReadAsync(request, $"one or more of the files {string.Join(", ", parts)}", cancellationToken);
        if (form is null)
        {
            return unreadable!;
        }

        var (layout, badLayout) = await CsvForm.LayoutAsync(form, cancellationToken);
        if (layout is null)
        {
            return badLayout!;
        }

        var files = new List<(HistoryFileKind Kind, Application.Companies.Csv.CsvTable Table)>();
        foreach (var kind in Enum.GetValues<HistoryFileKind>())
        {
            if (form.Files[HistoryLayout.Section(kind)] is not { } file)
            {
                continue;
            }

            if ((layout.History ?? new HistoryLayout()).Problems(layout.Name, kind).ToList() is { Count: > 0 } problems)
            {
                return ApiErrors.BadRequest(string.Join("; ", problems));
            }

            try
            {
                files.Add((kind, await CsvForm.TableAsync(file, HistoryLayout.Section(kind), cancellationToken)));
            }
            catch (FormatException error)
            {
                return ApiErrors.BadRequest(error.Message);
            }
        }

        if (files.Count == 0)
        {
            return ApiErrors.BadRequest($"no history file: send one or more of the files {string.Join(", ", parts)}");
        }

        WorkspaceHeader.Set(request.HttpContext, workspace);
        try
        {
            var result = await importer.ImportAsync(workspace, layout, files, cancellationToken);
            return result.Files.All(f => f.Events == 0) ? TypedResults.BadRequest(result) : TypedResults.Ok(result);
        }
        catch (WorkspaceNotReadyException error)
        {
            return ApiErrors.NotFound(error.Message);
        }
    }
}
