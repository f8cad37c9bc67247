namespace TerritoryGrid.Synthetic.Companies;

/// <summary>
/// What company to generate. Territories get target coverages spread between <see cref="LowestCoverage"/> and
/// <see cref="HighestCoverage"/> while the whole company's coverage is 1.0: some start under-served, some over-served.
/// </summary>
public sealed record CompanySpec
{
    public int Seed { get; init; } = 20261123;

    public string Name { get; init; } = "Northwind Distribution (demo)";

    public int TerritoryCount { get; init; } = 20;

    public int RepCount { get; init; } = 400;

    public int AccountCount { get; init; } = 20_000;

    public DateTimeOffset PlanStart { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public double LowestCoverage { get; init; } = 0.72;

    public double HighestCoverage { get; init; } = 1.45;

    /// <summary>Share of accounts that are prospects (no revenue yet).</summary>
    public double ProspectShare { get; init; } = 0.08;
}
