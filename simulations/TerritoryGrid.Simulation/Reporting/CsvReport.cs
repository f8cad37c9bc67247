using System.Globalization;
using System.Text;

namespace TerritoryGrid.Simulator.Reporting;

/// <summary>The report as CSV: weekly.csv (territory × week), summary.csv (weeks per status), balance.csv (per week).</summary>
public static class CsvReport
{
    public static void Write(SimulationResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "weekly.csv"), Weekly(result));
        File.WriteAllText(Path.Combine(directory, "summary.csv"), Summary(result));
        File.WriteAllText(Path.Combine(directory, "balance.csv"), Balance(result));
    }

    public static string Weekly(SimulationResult result)
    {
        var csv = new StringBuilder("week,weekStart,territoryId,territory,region,status,coverage,adherence,demandHours,capacityHours,revenue,netProfit\n");
        foreach (var r in result.Territories)
        {
            csv.AppendLine(Line(r.Week, r.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.TerritoryId, r.Territory, r.Region,
                r.Status, r.Coverage, r.Adherence, r.DemandHours, r.CapacityHours, r.Revenue, r.NetProfit));
        }

        return csv.ToString();
    }

    public static string Summary(SimulationResult result)
    {
        var csv = new StringBuilder("territoryId,territory,region,weeksUnderServed,weeksBalanced,weeksOverServed\n");
        foreach (var territory in result.Territories.GroupBy(r => r.TerritoryId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = territory.First();
            csv.AppendLine(Line(first.TerritoryId, first.Territory, first.Region,
                territory.Count(r => r.Status == Domain.Coverage.ServiceStatus.UnderServed),
                territory.Count(r => r.Status == Domain.Coverage.ServiceStatus.Balanced),
                territory.Count(r => r.Status == Domain.Coverage.ServiceStatus.OverServed)));
        }

        return csv.ToString();
    }

    public static string Balance(SimulationResult result)
    {
        var csv = new StringBuilder("week,weekStart,workloadCv,potentialCv,coverage\n");
        foreach (var b in result.Balance)
        {
            csv.AppendLine(Line(b.Week, b.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), b.WorkloadCv, b.PotentialCv, b.Coverage));
        }

        return csv.ToString();
    }

    internal static string Line(params object?[] cells) => string.Join(',', cells.Select(Cell));

    /// <summary>Quotes where needed, and neutralises cells a spreadsheet would run as a formula.</summary>
    private static string Cell(object? value)
    {
        var text = value switch
        {
            null => "",
            double d => d.ToString("0.####", CultureInfo.InvariantCulture),
            Enum e => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(e.ToString()),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        if (text.Length > 0 && "=+-@".Contains(text[0]) && value is string)
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }
}
