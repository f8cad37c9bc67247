using TerritoryGrid.Server.Alerts;
using TerritoryGrid.Server.Export;
using TerritoryGrid.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Server.Dashboard;

namespace TerritoryGrid.Server.Api;

internal static class WorkspaceEndpoints
{
    /// <summary>Maps the whole API under /api: the workspace list, and each workspace's company, activity and metrics.</summary>
    public static IEndpointRouteBuilder MapTerritoryGridApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("TerritoryGrid");
        api.MapGet("/workspaces", ListAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("Every workspace that holds a company: 'live', and the sandboxes simulations and plans write into");
        var workspace = api.MapGroup("/workspaces/{workspace}").AddEndpointFilter<WorkspaceFilter>();
        workspace.MapGet("/", InfoAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("A workspace: live or sandbox, its company generation and size, its currency and the month its fiscal year starts")
            .Produces<WorkspaceInfo>();
        workspace.MapGet("/alignment", AlignmentAsync)
            .RequireRole(Roles.Viewer)
            .WithSummary("The workspace's company generation and alignment: which plan or CRM sync last moved its accounts, and whether this server is still recovering after a restart; small enough to poll")
            .Produces<WorkspaceAlignment>();
        workspace.MapCompany();
        workspace.MapCsvImport();
        workspace.MapCommercialTerms();
        workspace.MapCsvSync();
        workspace.MapActivity();
        workspace.MapHistoryImport();
        workspace.MapRoster();
        workspace.MapMetrics();
        workspace.MapDashboardData();
        workspace.MapExports();
        Backup.BackupEndpoints.MapBackup(workspace);
        workspace.MapAlerts();
        Plans.PlanEndpoints.MapPlans(workspace);
        Plans.StressTestEndpoints.MapStressTests(workspace);
        Plans.PlanMovesExport.MapPlanMovesExport(workspace);
        Rebuilds.RebuildEndpoints.MapRebuild(workspace);
        return app;
    }

    private static async Task<Ok<WorkspaceInfo[]>> ListAsync(IGrainFactory grains)
    {
        var names = await grains.GetGrain<IWorkspaceDirectoryGrain>(0).List();
        var infos = await Task.WhenAll(names.Select(n => grains.GetGrain<IWorkspaceGrain>(n).GetInfo()));
        return TypedResults.Ok(infos);
    }

    private static async Task<Ok<WorkspaceAlignment>> AlignmentAsync(string workspace, IGrainFactory grains, Hosting.RecoveryState recovery) =>
        TypedResults.Ok(WorkspaceAlignment.Of(await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo(), recovery.Recovering));

    private static async Task<Ok<WorkspaceInfo>> InfoAsync(string workspace, IGrainFactory grains, Application.Commercial.CommercialTermsCache commercial)
    {
        var terms = await commercial.GetAsync(workspace);
        return TypedResults.Ok(await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo() with
        {
            Currency = terms.Currency,
            FiscalYearStartMonth = terms.Calendar.StartMonth,
        });
    }
}
