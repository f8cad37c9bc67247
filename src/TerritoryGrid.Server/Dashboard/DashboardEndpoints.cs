using TerritoryGrid.Server.Security;
using System.Text.Json;
using TerritoryGrid.Application;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Server.Api;

namespace TerritoryGrid.Server.Dashboard;

internal static class DashboardEndpoints
{
    /// <summary>The map's data: account positions by territory, from the company definition (cached per generation).</summary>
    public static RouteGroupBuilder MapDashboardData(this RouteGroupBuilder workspace)
    {
        workspace.MapGet("/map", MapAsync)
            .RequireRole(Roles.Viewer)
            .RequireWholeCompany("the map of every account")
            .WithSummary("Account positions and territory centroids, for the dashboard's map")
            .Produces<MapData>();
        return workspace;
    }

    private static async Task<IResult> MapAsync(string workspace, IGrainFactory grains)
    {
        var definition = await grains.GetGrain<IWorkspaceGrain>(workspace).GetDefinition();
        if (definition is null)
        {
            return ApiErrors.NotFound($"workspace '{workspace}' has no company");
        }

        var company = JsonSerializer.Deserialize<CompanyDefinition>(definition, TerritoryGridJson.Options)!;
        var index = company.Territories.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var territories = company.Territories.Select(t =>
        {
            var accounts = company.Accounts.Where(a => a.TerritoryId == t.Id).ToList();
            return new MapTerritory(t.Id, t.Name,
                accounts.Count == 0 ? 0 : accounts.Average(a => a.Location.Latitude),
                accounts.Count == 0 ? 0 : accounts.Average(a => a.Location.Longitude),
                accounts.Count);
        }).ToList();
        var points = company.Accounts.Select(a => new[] { Math.Round(a.Location.Latitude, 3), Math.Round(a.Location.Longitude, 3), index[a.TerritoryId] }).ToList();
        return Results.Ok(new MapData(workspace, territories, points));
    }
}
