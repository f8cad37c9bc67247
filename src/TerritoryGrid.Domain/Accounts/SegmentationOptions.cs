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
}
