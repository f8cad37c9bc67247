using TerritoryGrid.Domain.Pipeline;

namespace TerritoryGrid.Domain.Tests.Pipeline;

public sealed class RatesTests
{
    /// <summary>DOMAIN.md worked example: East has the strongest pipeline although West started with the most leads.</summary>
    [Fact]
    public void Conversion_DomainWorkedExample_EastRanksFirst()
    {
        (string Name, int Leads, int Opportunities, int NewAccounts)[] territories = [("East", 20, 9, 4), ("West", 32, 18, 6), ("Central", 18, 10, 3)];

        var conversion = territories.ToDictionary(t => t.Name, t => Rates.Conversion(t.NewAccounts, t.Leads));

        Assert.Equal(20.00, Math.Round(conversion["East"] * 100, 2));
        Assert.Equal(18.75, Math.Round(conversion["West"] * 100, 2));
        Assert.Equal(16.67, Math.Round(conversion["Central"] * 100, 2));
        Assert.Equal("East", conversion.MaxBy(c => c.Value).Key);
        Assert.Equal("West", territories.MaxBy(t => t.Leads).Name);
        Assert.Equal(0.45, Rates.LeadToOpportunity(9, 20), 10);
        Assert.Equal(0.5625, Rates.LeadToOpportunity(18, 32), 10);
    }

    [Fact]
    public void Ratios_WithZeroDenominators_AreZero()
    {
        Assert.Equal(0, Rates.Conversion(3, 0));
        Assert.Equal(0, Rates.OpportunityToWin(0, 0));
        Assert.Equal(0, Rates.QuotaAttainment(10, 0));
    }

    [Fact]
    public void PipelineCoverage_IsOpenPipelineOverRemainingQuota()
    {
        Assert.Equal(3, Rates.PipelineCoverage(openPipeline: 300, quota: 1000, achieved: 900), 10);
        Assert.Equal(0, Rates.PipelineCoverage(openPipeline: 300, quota: 1000, achieved: 1200));
        Assert.Equal(0.75, Rates.QuotaAttainment(750, 1000));
    }
}
