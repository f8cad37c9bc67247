using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Companies.Csv;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Api;

/// <summary>
/// The company from CRM report exports: three CSV files and a layout naming which column is which. The whole company
/// is read and validated before anything is applied; every error names file, line, column and the problem.
/// </summary>
internal static class CsvImportEndpoints
{
    public static RouteGroupBuilder MapCsvImport(this RouteGroupBuilder workspace)
    {
        workspace.MapPut("/company/csv", ImportAsync)
            .RequireRole(Roles.Ingest)
            .RequireRateLimiting(LimitExtensions.IngestPolicy)
            .WithMetadata(new Microsoft.AspNetCore.Http.Timeouts.RequestTimeoutAttribute(LimitExtensions.LongPolicy))
            .WithMetadata(new RequestSizeLimitAttribute(CompanyEndpoints.MaxCompanyBytes))
            .DisableAntiforgery()
            .WithSummary("Create or replace the company from CSV exports")
            .WithDescription("multipart/form-data with files 'territories', 'reps' and 'accounts' (CSV, UTF-8, RFC 4180), and either 'layout' (a layout JSON file) or a form field 'layout' naming a shipped layout: territorygrid (the default; what the exports write), salesforce, hubspot. Optional form fields 'name' (the company's name) and 'planStart' (ISO 8601). Nothing is applied unless every line is valid.")
            .Produces<CompanyLoadResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return workspace;
    }

    private static async Task<Results<Ok<CompanyLoadResult>, BadRequest<CompanyLoadResult>, ProblemHttpResult>> ImportAsync(
        string workspace, HttpRequest request, CompanyLoader loader, CancellationToken cancellationToken)
    {
        if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
        {
            return invalid;
        }

        var (read, failure) = await CsvCompanyForm.ReadAsync(request, "Imported company", cancellationToken);
        if (read is null)
        {
            return failure!;
        }

        var (form, reader, company) = (read.Form, read.Reader, read.Company);
        if (company is null)
        {
            return TypedResults.BadRequest(new CompanyLoadResult(read.Errors, null, null));
        }

        if (form["planStart"].FirstOrDefault() is { Length: > 0 } start)
        {
            if (!DateTimeOffset.TryParse(start, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var planStart))
            {
                return ApiErrors.BadRequest($"planStart '{start}' is not an ISO 8601 date");
            }

            company = company with { PlanStart = planStart };
        }

        WorkspaceHeader.Set(request.HttpContext, workspace);
        var result = await loader.LoadAsync(workspace, company, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(result)
            : TypedResults.BadRequest(result with { Errors = reader.Locate(result.Errors) });
    }
}
