using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Simulator.Scenarios;

/// <summary>
/// The demand multiplier of an account at an instant: its industry's curve for the month × its region's curve ×
/// every shock that covers it that day. 1 where the scenario says nothing.
/// </summary>
public sealed class SeasonalModel(Scenario scenario, CompanyDefinition company)
{
    private readonly Dictionary<string, string?> regionOfTerritory = company.Territories.ToDictionary(t => t.Id, t => t.Region);

    public double Multiplier(AccountDefinition account, DateTimeOffset at)
    {
        var month = at.UtcDateTime.Month - 1;
        var region = regionOfTerritory.GetValueOrDefault(account.TerritoryId);
        var multiplier = 1.0;
        if (scenario.Seasonality?.Industries?.GetValueOrDefault(account.Industry) is { } industryCurve)
        {
            multiplier *= industryCurve[month];
        }

        if (region is not null && scenario.Seasonality?.Regions?.GetValueOrDefault(region) is { } regionCurve)
        {
            multiplier *= regionCurve[month];
        }

        var day = DateOnly.FromDateTime(at.UtcDateTime);
        foreach (var shock in scenario.Shocks ?? [])
        {
            if (day >= shock.From && day <= shock.To &&
                (shock.Region is null || shock.Region == region) &&
                (shock.Industry is null || shock.Industry == account.Industry) &&
                (shock.Territory is null || shock.Territory == account.TerritoryId))
            {
                multiplier *= shock.Multiplier;
            }
        }

        return multiplier;
    }
}
