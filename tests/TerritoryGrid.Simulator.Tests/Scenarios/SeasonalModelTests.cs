using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Geography;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator.Tests.Scenarios;

public sealed class SeasonalModelTests
{
    private static readonly CompanyDefinition Company = new("c",
        [new TerritoryDefinition("w1", "West 1", "West"), new TerritoryDefinition("e1", "East 1", "East")], [], []);

    private static AccountDefinition Account(string territory, string industry) =>
        new("a", "A", territory, null, industry, "X", new GeoPoint(0, 0));

    private static readonly double[] RetailCurve = [0.8, 0.8, 0.9, 0.9, 1, 1, 1, 1, 1.1, 1.2, 1.5, 1.8];

    private static Scenario With(Seasonality? seasonality = null, params Shock[] shocks) =>
        new("s", 1, new ScenarioCompany(), new ScenarioPeriod(new DateOnly(2025, 1, 6), 52), seasonality, shocks);

    [Fact]
    public void Multiplier_IndustryCurve_FollowsTheMonth()
    {
        var model = new SeasonalModel(With(new Seasonality(Industries: new Dictionary<string, double[]> { ["Retail"] = RetailCurve })), Company);

        Assert.Equal(1.8, model.Multiplier(Account("w1", "Retail"), new DateTimeOffset(2025, 12, 10, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(0.8, model.Multiplier(Account("w1", "Retail"), new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1.0, model.Multiplier(Account("w1", "Finance"), new DateTimeOffset(2025, 12, 10, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Multiplier_RegionalShock_HitsOnlyThatRegionOnItsDates()
    {
        var shock = new Shock("West +30%", new DateOnly(2025, 10, 1), new DateOnly(2025, 12, 31), 1.3, Region: "West");
        var model = new SeasonalModel(With(null, shock), Company);

        Assert.Equal(1.3, model.Multiplier(Account("w1", "Retail"), new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1.0, model.Multiplier(Account("e1", "Retail"), new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1.0, model.Multiplier(Account("w1", "Retail"), new DateTimeOffset(2025, 9, 30, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal(1.3, model.Multiplier(Account("w1", "Retail"), new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Multiplier_SeasonAndShock_Multiply()
    {
        var model = new SeasonalModel(With(
            new Seasonality(Industries: new Dictionary<string, double[]> { ["Retail"] = RetailCurve }),
            new Shock("West", new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31), 1.3, Region: "West")), Company);

        Assert.Equal(1.8 * 1.3, model.Multiplier(Account("w1", "Retail"), new DateTimeOffset(2025, 12, 10, 0, 0, 0, TimeSpan.Zero)), 10);
    }
}
