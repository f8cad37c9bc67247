namespace TerritoryGrid.Synthetic.Companies;

/// <summary>The regions and industries synthetic companies are made of (what scenarios may name).</summary>
public static class Regions
{
    public static IReadOnlyList<string> Names { get; } = [.. Region.All.Select(r => r.Name)];

    public static IReadOnlyList<string> Industries { get; } = Region.Industries;
}
