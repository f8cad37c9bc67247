using TerritoryGrid.Server.Security;
using System.Text.Json;
using TerritoryGrid.Application;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Server.Api;

namespace TerritoryGrid.Server.Dashboard;

internal static class DashboardEndpoints
{
    /// <summary>The map's data: account positions by territory, from the company definition.</summary>
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
        // One pass over the accounts: a pass per territory was 100 million steps for 1,000 territories of 100,000 accounts.
        var count = new int[company.Territories.Count];
        var latitude = new double[count.Length];
        var longitude = new double[count.Length];
        foreach (var account in company.Accounts)
        {
            var territory = index[account.TerritoryId];
            count[territory]++;
            latitude[territory] += account.Location.Latitude;
            longitude[territory] += account.Location.Longitude;
        }

        var territories = company.Territories.Select((t, i) => count[i] == 0
            ? new MapTerritory(t.Id, t.Name, 0, 0, 0)
            : new MapTerritory(t.Id, t.Name, latitude[i] / count[i], longitude[i] / count[i], count[i])).ToList();
        var points = company.Accounts.Select(a => new[] { Math.Round(a.Location.Latitude, 3), Math.Round(a.Location.Longitude, 3), index[a.TerritoryId] }).ToList();
        return Results.Ok(new MapData(workspace, territories, points));
    }
}
