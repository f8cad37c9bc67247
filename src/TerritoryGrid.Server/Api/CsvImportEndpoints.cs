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

        var (form, unreadable) = await CsvForm.ReadAsync(request, "the files 'territories', 'reps' and 'accounts'", cancellationToken);
        if (form is null)
        {
            return unreadable!;
        }

        var (layout, badLayout) = await CsvForm.LayoutAsync(form, cancellationToken);
        if (layout is null)
        {
            return badLayout!;
        }

        if (layout.Problems().ToList() is { Count: > 0 } problems)
        {
            return ApiErrors.BadRequest(string.Join("; ", problems));
        }

        var tables = new Dictionary<string, CsvTable>();
        foreach (var part in new[] { "territories", "reps", "accounts" })
        {
            if (form.Files[part] is not { } file)
            {
                return ApiErrors.BadRequest($"the file '{part}' is missing (send territories, reps and accounts)");
            }

            try
            {
                tables[part] = await CsvForm.TableAsync(file, part, cancellationToken);
            }
            catch (FormatException error)
            {
                return ApiErrors.BadRequest(error.Message);
            }
        }

        var reader = new CsvCompanyReader(layout);
        var company = reader.Read(form["name"].FirstOrDefault() ?? "Imported company", tables["territories"], tables["reps"], tables["accounts"]);
        if (company is null)
        {
            return TypedResults.BadRequest(new CompanyLoadResult(reader.Errors, null, null));
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
