using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Application.Commercial;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Api;

/// <summary>
/// A workspace's commercial terms: its fiscal calendar and currency (settings), the quotas by period and the product
/// catalogue, read and changed; the imports themselves are in <see cref="CommercialImportEndpoints"/>.
/// </summary>
internal static class CommercialEndpoints
{
    /// <summary>The settings a client may change; a field left out (or null) keeps its value.</summary>
    public sealed record SettingsChange(int? FiscalYearStartMonth = null, string? Currency = null);

    public static RouteGroupBuilder MapCommercialTerms(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/settings", GetAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("The workspace's fiscal calendar and currency")
            .WithDescription("The month its fiscal year starts in (1-12) and its ISO 4217 currency, each the workspace's own or the configured default (Company:FiscalYearStartMonth, Company:Currency); the fiscal year and quarter it is now; how many quotas and products it holds.")
            .Produces<CommercialTermsView>();
        workspace.MapPut("/settings", SetAsync)
            .RequireRole(Roles.Ingest)
            .WithSummary("Set the workspace's fiscal calendar and currency")
            .WithDescription("JSON {\"fiscalYearStartMonth\": 4, \"currency\": \"EUR\"}; a field left out keeps its value. 400 naming each wrong field. Fiscal figures (quota attainment, pipeline coverage, year-over-year growth) follow at once: money is kept by calendar month.")
            .Produces<CommercialImportResult>()
            .Produces<CommercialImportResult>(StatusCodes.Status400BadRequest);
        workspace.MapGet("/quotas", QuotasAsync)
            .RequireRole(Roles.Viewer)
            .RequireWholeCompany("every rep's and territory's quota")
            .WithSummary("The quotas imported for the workspace's reps and territories, by fiscal period")
            .Produces<QuotaList>();
        workspace.MapGet("/products", ProductsAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("The workspace's product catalogue")
            .Produces<ProductList>();
        workspace.MapCommercialImports();
        return workspace;
    }

    private static async Task<Ok<CommercialTermsView>> GetAsync(string workspace, CommercialTermsService terms) =>
        TypedResults.Ok(await terms.GetAsync(workspace));

    private static async Task<IResult> SetAsync(string workspace, SettingsChange? change, CommercialTermsService terms)
    {
        if (ApiErrors.CheckWorkspace(workspace) is { } invalid)
        {
            return invalid;
        }

        var result = await terms.SetCalendarAsync(workspace, change?.FiscalYearStartMonth, change?.Currency);
        return result.Succeeded ? TypedResults.Ok(result) : TypedResults.BadRequest(result);
    }

    private static async Task<Ok<QuotaList>> QuotasAsync(string workspace, CommercialTermsService terms) =>
        TypedResults.Ok(await terms.QuotasAsync(workspace));

    private static async Task<Ok<ProductList>> ProductsAsync(string workspace, CommercialTermsService terms) =>
        TypedResults.Ok(await terms.ProductsAsync(workspace));
}
