using TerritoryGrid.Domain.Balance;

namespace TerritoryGrid.Domain.Tests.Balance;

public sealed class BalanceFiguresTests
{
    [Fact]
    public void Of_WorkloadPerRep_GivesPopulationStatistics()
    {
        var figures = BalanceFigures.Of([20, 30, 40]);

        Assert.Equal(30, figures.Mean);
        Assert.Equal(Math.Sqrt(200.0 / 3), figures.StandardDeviation, 10);
        Assert.Equal(Math.Sqrt(200.0 / 3) / 30, figures.CoefficientOfVariation, 10);
        Assert.Equal(2, figures.MaxMinRatio);
    }

    [Fact]
    public void Of_PerfectlyEqual_HasNoVariation() => Assert.Equal(0, BalanceFigures.Of([5, 5, 5]).CoefficientOfVariation);

    [Fact]
    public void Of_ARepWithNothing_HasAnInfiniteMaxMinRatio() => Assert.Equal(double.PositiveInfinity, BalanceFigures.Of([0, 10]).MaxMinRatio);

    [Fact]
    public void Of_NoReps_IsEmpty() => Assert.Equal(new BalanceFigures(0, 0, 0, 0, 0), BalanceFigures.Of([]));
}
