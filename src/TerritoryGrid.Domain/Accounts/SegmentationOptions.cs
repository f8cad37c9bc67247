namespace TerritoryGrid.Domain.Accounts;

/// <summary>
/// Shares of accounts, ranked by value, that fall into each segment. The default is the Pareto split of
/// DOMAIN.md: the top 20% are A, the next 30% B, the rest C.
/// </summary>
public sealed class SegmentationOptions
{
    /// <summary>Share of accounts (by value rank) that are A. The default is 0.20.</summary>
    public double ShareA { get; set; } = 0.20;

    /// <summary>Share of accounts (by value rank) that are B. The default is 0.30.</summary>
    public double ShareB { get; set; } = 0.30;

    /// <summary>
    /// Where the CRM has no revenue potential, it is estimated as trailing-12-month revenue × this multiplier of the
    /// account's segment (more headroom in smaller accounts). Defaults: A 1.1, B 1.3, C 1.6.
    /// </summary>
    public Dictionary<Segment, double> PotentialMultiplier { get; set; } = new()
    {
        [Segment.A] = 1.1,
        [Segment.B] = 1.3,
        [Segment.C] = 1.6,
    };

    public double EstimatePotential(Segment segment, double annualRevenue) =>
        annualRevenue * PotentialMultiplier.GetValueOrDefault(segment, 1.0);
}
