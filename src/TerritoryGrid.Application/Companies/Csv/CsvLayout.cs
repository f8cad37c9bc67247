using System.Reflection;
using System.Text.Json;

namespace TerritoryGrid.Application.Companies.Csv;

/// <summary>
/// Which column of each CSV file holds which field: TerritoryGrid's own layout (what its exports write) and ready-made
/// layouts for common CRM report exports, or one a user writes (the same JSON). Fields a layout leaves out are read as
/// absent (defaults apply).
/// </summary>
public sealed record CsvLayout(
    string Name,
    Dictionary<string, string> Territories,
    Dictionary<string, string> Reps,
    Dictionary<string, string> Accounts)
{
    /// <summary>How this CRM's activity exports are read (opportunities, orders, activities); absent: no history import.</summary>
    public global::TerritoryGrid.Application.History.HistoryLayout? History { get; init; }

    /// <summary>How dates in the company files are written (a rep's start date); absent: the history section's, else ISO 8601.</summary>
    public string[]? DateFormats { get; init; }

    public string[] CompanyDateFormats =>
        DateFormats is { Length: > 0 } own ? own : History?.DateFormats is { Length: > 0 } shared ? shared : global::TerritoryGrid.Application.History.HistoryLayout.IsoDateFormats;

    public static readonly string[] TerritoryFields = ["id", "name", "region", "annualQuota"];

    public static readonly string[] RepFields =
        ["id", "name", "territoryId", "role", "latitude", "longitude", "sellingHoursPerWeek", "availability", "experienceYears", "annualQuota", "startDate"];

    public static readonly string[] AccountFields =
        ["id", "name", "territoryId", "ownerRepId", "industry", "city", "latitude", "longitude", "annualRevenue", "annualCostToServe", "revenuePotential", "segment", "employees"];

    public static readonly string[] RequiredTerritoryFields = ["id", "name"];

    public static readonly string[] RequiredRepFields = ["id", "name", "territoryId", "role", "latitude", "longitude"];

    public static readonly string[] RequiredAccountFields = ["id", "name", "territoryId", "industry", "city", "latitude", "longitude"];

    /// <summary>The shipped layouts by name: territorygrid, salesforce, hubspot.</summary>
    public static IReadOnlyDictionary<string, CsvLayout> BuiltIn { get; } = LoadBuiltIn();

    public static CsvLayout Parse(string json) =>
        JsonSerializer.Deserialize<CsvLayout>(json, TerritoryGridJson.Options) ?? throw new FormatException("the layout is empty");

    /// <summary>Problems with the layout itself: fields it names that TerritoryGrid does not have, required fields it leaves out.</summary>
    public IEnumerable<string> Problems()
    {
        foreach (var (section, mapping, known, required) in new[]
        {
            ("territories", Territories, TerritoryFields, RequiredTerritoryFields),
            ("reps", Reps, RepFields, RequiredRepFields),
            ("accounts", Accounts, AccountFields, RequiredAccountFields),
        })
        {
            foreach (var field in (mapping ?? []).Keys.Where(f => !known.Contains(f)))
            {
                yield return $"layout '{Name}', {section}: '{field}' is not a field (fields: {string.Join(", ", known)})";
            }

            foreach (var field in required.Where(f => mapping is null || string.IsNullOrWhiteSpace(mapping.GetValueOrDefault(f))))
            {
                yield return $"layout '{Name}', {section}: the required field '{field}' names no column";
            }
        }
    }

    private static Dictionary<string, CsvLayout> LoadBuiltIn()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("CsvLayouts.", StringComparison.Ordinal))
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return Parse(reader.ReadToEnd());
            })
            .ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
    }
}
