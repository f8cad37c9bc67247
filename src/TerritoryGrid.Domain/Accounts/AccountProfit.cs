namespace TerritoryGrid.Domain.Accounts;

/// <summary>An account's value after the cost of serving it (DOMAIN.md: net profit, not revenue, is the true value).</summary>
public readonly record struct AccountProfit(string AccountId, double Revenue, double Cost)
{
    public double NetProfit => Revenue - Cost;

    /// <summary>Orders accounts by net profit, highest first; ties keep id order so the result is deterministic.</summary>
    public static IReadOnlyList<AccountProfit> RankByNetProfit(IEnumerable<AccountProfit> accounts) =>
        accounts.OrderByDescending(a => a.NetProfit).ThenBy(a => a.AccountId, StringComparer.Ordinal).ToList();
}
