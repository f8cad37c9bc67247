using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using TerritoryGrid.Application.Commercial;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Api;

/// <summary>
/// Quotas and the product catalogue, as JSON or as a CSV file in a multipart form (as the company import). Checked
/// whole first: nothing is applied unless every row is valid; each error names file (or list), line (or index),
/// column (or field) and problem.
/// </summary>
internal static class CommercialImportEndpoints
{
    private const long MaxBytes = 64L * 1024 * 1024;

    public static RouteGroupBuilder MapCommercialImports(this RouteGroupBuilder workspace)
    {
        Import(workspace.MapPost("/quotas", QuotasJsonAsync), "Add or replace quotas by fiscal period",
            "JSON array (or {\"quotas\": [...]}) of {ownerType: rep|territory, ownerId, period: FY2027|FY2027-Q3|FY2027-M05, amount}. A quota replaces the one of the same owner and period; others stay. Checked whole against the company and the fiscal calendar first: 400 listing every error, nothing applied; 404 when the workspace has no company.");
        Import(workspace.MapPost("/quotas/csv", QuotasCsvAsync), "Add or replace quotas from a CSV file",
            "multipart/form-data with the file 'quotas': columns owner_type (rep or territory), owner_id, period (FY2027, FY2027-Q3, FY2027-M05), amount. Checked whole first: 400 listing every error with file, line and column, nothing applied.");
        Import(workspace.MapPut("/products", ProductsJsonAsync), "Replace the product catalogue",
            "JSON array (or {\"products\": [...]}) of {id, name?, price, family?}. With a catalogue, an order naming a product it does not have (by id or name) is refused, and an order with a quantity and no amount is priced at its price. An empty array removes the catalogue. 400 listing every error, nothing applied.");
        Import(workspace.MapPut("/products/csv", ProductsCsvAsync), "Replace the product catalogue from a CSV file",
            "multipart/form-data with the file 'products': columns product_id, name (optional), price, family (optional). 400 listing every error with file, line and column, nothing applied.");
        return workspace;
    }

    private static void Import(RouteHandlerBuilder endpoint, string summary, string description) => endpoint
        .RequireRole(Roles.Ingest)
        .RequireRateLimiting(LimitExtensions.IngestPolicy)
        .WithMetadata(new RequestSizeLimitAttribute(MaxBytes))
        .DisableAntiforgery()
        .WithSummary(summary)
        .WithDescription(description)
        .Produces<CommercialImportResult>()
        .Produces<CommercialImportResult>(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

    private static Task<IResult> QuotasJsonAsync(string workspace, HttpRequest request, CommercialTermsService terms, CancellationToken cancellationToken) =>
        FromJsonAsync(workspace, request, CommercialJsonReader.Quotas, terms.ImportQuotasAsync, cancellationToken);

    private static Task<IResult> ProductsJsonAsync(string workspace, HttpRequest request, CommercialTermsService terms, CancellationToken cancellationToken) =>
        FromJsonAsync(workspace, request, CommercialJsonReader.Products, terms.ImportProductsAsync, cancellationToken);

    private static Task<IResult> QuotasCsvAsync(string workspace, HttpRequest request, CommercialTermsService terms, CancellationToken cancellationToken) =>
        FromCsvAsync(workspace, request, "quotas", QuotaCsvReader.Read, terms.ImportQuotasAsync, cancellationToken);

    private static Task<IResult> ProductsCsvAsync(string workspace, HttpRequest request, CommercialTermsService terms, CancellationToken cancellationToken) =>
        FromCsvAsync(workspace, request, "products", ProductCsvReader.Read, terms.ImportProductsAsync, cancellationToken);

    private static async Task<IResult> FromJsonAsync<TInput>(
        string workspace, HttpRequest request, Func<JsonElement, List<ValidationError>, List<TInput>> read,
        Func<string, IReadOnlyList<TInput>, List<ValidationError>, Task<CommercialImportResult>> import, CancellationToken cancellationToken)
    {
        if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
        {
            return invalid;
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException error)
        {
            return ApiErrors.MalformedJson(error);
        }

        using (document)
        {
            var errors = new List<ValidationError>();
            var inputs = read(document.RootElement, errors);
            return await ImportAsync(workspace, request, () => import(workspace, inputs, errors));
        }
    }

    private static async Task<IResult> FromCsvAsync<TInput>(
        string workspace, HttpRequest request, string part, Func<Application.Companies.Csv.CsvTable, List<ValidationError>, List<TInput>> read,
        Func<string, IReadOnlyList<TInput>, List<ValidationError>, Task<CommercialImportResult>> import, CancellationToken cancellationToken)
    {
        if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
        {
            return invalid;
        }

        var (form, unreadable) = await CsvForm.ReadAsync(request, $"the file '{part}'", cancellationToken);
        if (form is null)
        {
            return unreadable!;
        }

        if (form.Files[part] is not { } file)
        {
            return ApiErrors.BadRequest($"no file '{part}': send it as the form part '{part}'");
        }

        Application.Companies.Csv.CsvTable table;
        try
        {
            table = await CsvForm.TableAsync(file, part, cancellationToken);
        }
        catch (FormatException error)
        {
            return ApiErrors.BadRequest(error.Message);
        }

        var errors = new List<ValidationError>();
        var inputs = read(table, errors);
        return await ImportAsync(workspace, request, () => import(workspace, inputs, errors));
    }

    private static async Task<IResult> ImportAsync(string workspace, HttpRequest request, Func<Task<CommercialImportResult>> import)
    {
        WorkspaceHeader.Set(request.HttpContext, workspace);
        try
        {
            var result = await import();
            return result.Succeeded ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
        }
        catch (WorkspaceNotReadyException error)
        {
            return ApiErrors.NotFound(error.Message);
        }
    }
}
