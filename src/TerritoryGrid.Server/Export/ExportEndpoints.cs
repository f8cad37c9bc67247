using System.Security.Claims;
using System.Text;
using System.Text.Json;
using TerritoryGrid.Application;
using TerritoryGrid.Application.Queries;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Server.Api;
using TerritoryGrid.Server.Security;

namespace TerritoryGrid.Server.Export;

/// <summary>
/// CSV exports for a CRM or a spreadsheet: the current alignment (in the "territorygrid" layout the CSV import reads),
/// and the territories' and reps' live figures. A scoped key gets only its territories.
/// </summary>
internal static class ExportEndpoints
{
    public static RouteGroupBuilder MapExports(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/export/accounts.csv", AccountsAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("Every account with its current territory and owner, as CSV")
            .WithDescription("Columns of the territorygrid layout (it imports back), and orphaned_since: when the account's owner left with nobody taking it over (empty when it has an owner).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        workspace.MapGet("/export/reps.csv", RepsAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("Every rep's live figures (as of the territory's watermark), as CSV")
            .WithDescription("Every rep of the company: live figures, and the columns of the territorygrid layout (home, selling hours, experience, annual quota as defined; availability as of now), so the three exports import back.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        workspace.MapGet("/export/territories.csv", TerritoriesAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("Every territory's live status and figures, as CSV")
            .WithDescription("Every territory's status, reason and figures, and its annual_quota as defined (empty when none): the territorygrid layout reads it back.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        return workspace;
    }

    private static async Task<IResult> AccountsAsync(string workspace, IGrainFactory grains, ClaimsPrincipal user)
    {
        var definition = await grains.GetGrain<IWorkspaceGrain>(workspace).GetDefinition();
        if (definition is null)
        {
            return ApiErrors.NotFound($"workspace '{workspace}' has no company");
        }

        var company = JsonSerializer.Deserialize<CompanyDefinition>(definition, TerritoryGridJson.Options)!;
        var scope = CallerScope.Of(user);
        var territories = company.Territories.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var reps = company.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var csv = new CsvWriter().Header("account_id", "account_name", "territory_id", "territory_name", "region", "owner_rep_id",
            "owner_rep_name", "industry", "city", "latitude", "longitude", "annual_revenue", "annual_cost_to_serve", "revenue_potential", "segment",
            "orphaned_since", "employees");
        foreach (var account in company.Accounts)
        {
            var territory = territories.GetValueOrDefault(account.TerritoryId);
            if (!scope.Allows(account.TerritoryId, territory?.Region))
            {
                continue;
            }

            var owner = account.OwnerRepId is { } id ? reps.GetValueOrDefault(id) : null;
            csv.Text(account.Id).Text(account.Name).Text(account.TerritoryId).Text(territory?.Name).Text(territory?.Region)
                .Text(account.OwnerRepId).Text(owner?.Name).Text(account.Industry).Text(account.City)
                .Exact(account.Location.Latitude).Exact(account.Location.Longitude).Exact(account.AnnualRevenue)
                .Exact(account.AnnualCostToServe).Exact(account.RevenuePotential).Text(account.Segment?.ToString())
                .Text(account.OrphanedSince?.ToString("O")).Exact(account.Employees).EndLine();
        }

        return Csv(csv, $"{workspace}-accounts.csv");
    }

    private static async Task<IResult> TerritoriesAsync(string workspace, MetricsReader reader, IGrainFactory grains, ClaimsPrincipal user)
    {
        var scope = CallerScope.Of(user);
        var defined = (await CompanyAsync(grains, workspace))?.Territories.ToDictionary(t => t.Id, StringComparer.Ordinal) ?? [];
        var csv = new CsvWriter().Header("territory_id", "territory_name", "region", "status", "status_reason", "coverage", "adherence",
            "demand_hours", "capacity_hours", "reps", "accounts", "revenue", "net_profit", "revenue_at_risk", "watermark", "annual_quota",
            "currency", "fiscal_quarter", "quarter_quota", "quarter_won_value", "quota_attainment", "pipeline_coverage", "revenue_fiscal_ytd",
            "yoy_growth");
        foreach (var territory in (await reader.TerritoriesAsync(workspace, null, TerritorySort.Name, false)).Where(scope.Allows))
        {
            csv.Text(territory.Id).Text(territory.Name).Text(territory.Region).Text(territory.Status.ToString()).Text(territory.StatusReason)
                .Number(territory.Coverage).Number(territory.Adherence).Number(territory.DemandHours).Number(territory.CapacityHours)
                .Number(territory.RepCount).Number(territory.AccountCount).Number(territory.Totals.Revenue).Number(territory.NetProfit)
                .Number(territory.RevenueAtRisk).Text(territory.Watermark.ToString("O"))
                .Exact(defined.GetValueOrDefault(territory.Id)?.AnnualQuota);
            Fiscal(csv, territory.Fiscal).EndLine();
        }

        return Csv(csv, $"{workspace}-territories.csv");
    }

    private static async Task<IResult> RepsAsync(string workspace, MetricsReader reader, IGrainFactory grains, ClaimsPrincipal user)
    {
        var scope = CallerScope.Of(user);
        var defined = (await CompanyAsync(grains, workspace))?.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal) ?? [];
        var territories = await reader.TerritoriesAsync(workspace, null, TerritorySort.Name, false);
        var regions = territories.ToDictionary(t => t.Id, t => t.Region, StringComparer.Ordinal);
        var csv = new CsvWriter().Header("rep_id", "rep_name", "territory_id", "role", "capacity_hours", "availability_now", "accounts_owned",
            "workload_hours", "utilisation", "adherence", "revenue_potential", "book_revenue", "conversations", "won_value", "conversion_rate",
            "annual_quota", "quota_attainment", "watermark", "home_latitude", "home_longitude", "selling_hours_per_week", "experience_years",
            "availability", "start_date", "currency", "fiscal_quarter", "quarter_quota", "quarter_won_value", "pipeline_coverage", "revenue_fiscal_ytd", "yoy_growth");
        foreach (var rep in (await reader.RepsAsync(workspace, territories))
                     .Where(r => scope.Allows(r.TerritoryId, regions.GetValueOrDefault(r.TerritoryId)) && defined.ContainsKey(r.Id))
                     .OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            csv.Text(rep.Id).Text(rep.Name).Text(rep.TerritoryId).Text(rep.Role.ToString().ToLowerInvariant()).Number(rep.CapacityHours)
                .Number(rep.Availability).Number(rep.AccountsOwned).Number(rep.WorkloadHours).Number(rep.Utilisation).Number(rep.Adherence)
                .Number(rep.RevenuePotential).Number(rep.BookRevenue).Number(rep.Totals.Conversations).Number(rep.Totals.WonValue)
                .Number(rep.Funnel.ConversionRate).Exact(defined[rep.Id].AnnualQuota).Number(rep.QuotaAttainment).Text(rep.Watermark.ToString("O"))
                .Exact(defined[rep.Id].Home.Latitude).Exact(defined[rep.Id].Home.Longitude).Exact(defined[rep.Id].SellingHoursPerWeek)
                .Exact(defined[rep.Id].ExperienceYears).Exact(defined[rep.Id].Availability).Text(defined[rep.Id].StartDate?.ToString("O"));
            Fiscal(csv, rep.Fiscal, withAttainment: false).EndLine();
        }

        return Csv(csv, $"{workspace}-reps.csv");
    }

    /// <summary>The fiscal columns: the currency every amount of the line is in, and the quarter and year against quota.</summary>
    private static CsvWriter Fiscal(CsvWriter csv, Domain.Commercial.PeriodPerformance? fiscal, bool withAttainment = true)
    {
        csv.Text(fiscal?.Currency).Text(fiscal?.Period).Number(fiscal?.Quota).Number(fiscal?.WonValue);
        if (withAttainment)
        {
            csv.Number(fiscal?.Attainment);
        }

        return csv.Number(fiscal?.PipelineCoverage).Number(fiscal?.RevenueYearToDate).Number(fiscal?.YearOverYearGrowth);
    }

    private static async Task<CompanyDefinition?> CompanyAsync(IGrainFactory grains, string workspace) =>
        await grains.GetGrain<IWorkspaceGrain>(workspace).GetDefinition() is { } json
            ? JsonSerializer.Deserialize<CompanyDefinition>(json, TerritoryGridJson.Options)
            : null;

    private static IResult Csv(CsvWriter csv, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", fileName);
}
