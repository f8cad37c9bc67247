namespace TerritoryGrid.Server.Dashboard;

/// <summary>
/// What the dashboard's map draws: each account as [latitude, longitude, territory index], and each territory's
/// centroid, so the page can place and colour them with no tile server.
/// </summary>
public sealed record MapData(string Workspace, IReadOnlyList<MapTerritory> Territories, IReadOnlyList<double[]> Accounts);

public sealed record MapTerritory(string Id, string Name, double Latitude, double Longitude, int Accounts);
