using TerritoryGrid.Domain.Accounts;

namespace TerritoryGrid.Domain.Tests.Accounts;

public sealed class AccountProfitTests
{
    /// <summary>DOMAIN.md worked example: by revenue A ranks first; by net profit C, then B, then A.</summary>
    [Fact]
    public void RankByNetProfit_DomainWorkedExample_RanksCThenBThenA()
    {
        AccountProfit[] accounts = [new("A", 65_000, 18_000), new("B", 60_000, 10_000), new("C", 55_000, 4_000)];

        var ranked = AccountProfit.RankByNetProfit(accounts);

        Assert.Equal(["C", "B", "A"], ranked.Select(a => a.AccountId));
        Assert.Equal([51_000.0, 50_000, 47_000], ranked.Select(a => a.NetProfit));
        Assert.Equal("A", accounts.MaxBy(a => a.Revenue).AccountId);
    }

    [Fact]
    public void RankByNetProfit_Ties_AreOrderedById()
    {
        var ranked = AccountProfit.RankByNetProfit([new("z", 10, 0), new("a", 10, 0)]);

        Assert.Equal(["a", "z"], ranked.Select(a => a.AccountId));
    }
}
