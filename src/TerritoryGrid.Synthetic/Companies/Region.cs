namespace TerritoryGrid.Synthetic.Companies;

/// <summary>A sales region: where its territories lie, and which industries weigh most there.</summary>
internal sealed record Region(string Name, double Latitude, double Longitude, IReadOnlyDictionary<string, double> IndustryWeights)
{
    public static readonly string[] Industries =
        ["Retail", "Construction", "Education", "Healthcare", "Manufacturing", "Technology", "Finance", "Hospitality"];

    public static IReadOnlyList<Region> All { get; } =
    [
        new("West", 37.6, -121.0, Weights(retail: 3, technology: 4, hospitality: 2)),
        new("Central", 41.6, -89.5, Weights(manufacturing: 4, construction: 2, education: 2)),
        new("East", 40.4, -75.5, Weights(finance: 4, healthcare: 3, education: 2)),
        new("South", 31.5, -95.5, Weights(construction: 4, retail: 2, healthcare: 2)),
        new("North-East", 42.6, -71.9, Weights(education: 3, healthcare: 3, technology: 2)),
    ];

    private static Dictionary<string, double> Weights(
        double retail = 1, double construction = 1, double education = 1, double healthcare = 1,
        double manufacturing = 1, double technology = 1, double finance = 1, double hospitality = 1) => new()
    {
        ["Retail"] = retail, ["Construction"] = construction, ["Education"] = education, ["Healthcare"] = healthcare,
        ["Manufacturing"] = manufacturing, ["Technology"] = technology, ["Finance"] = finance, ["Hospitality"] = hospitality,
    };
}
