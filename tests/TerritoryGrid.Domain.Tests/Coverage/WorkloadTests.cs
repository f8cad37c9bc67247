using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Activity;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Domain.Tests.Coverage;

public sealed class WorkloadTests
{
    private static readonly CallPatternOptions Patterns = new();
    private static readonly WorkloadOptions Options = new();

    [Fact]
    public void DemandHoursPerWeek_AAccount25KmAway_IsTouchTimePlusTravel()
    {
        // 4 visits × 90 min per 4 weeks = 1.5 h/week; 1 visit/week × 2 × 25 km at 50 km/h = 1 h/week.
        Assert.Equal(2.5, Workload.DemandHoursPerWeek(Patterns.For(Segment.A), 25, 0, 0, Options), 10);
    }

    [Theory]
    [InlineData(Segment.B, 0.25)]
    [InlineData(Segment.C, 0.0625)]
    public void DemandHoursPerWeek_RemoteSegments_HaveNoTravel(Segment segment, double expected) =>
        Assert.Equal(expected, Workload.DemandHoursPerWeek(Patterns.For(segment), 100, 0, 0, Options), 10);

    [Fact]
    public void DemandHoursPerWeek_OpenFunnel_AddsHalfAnHourPerLeadAndOneAndAHalfPerOpportunity()
    {
        Assert.Equal(0.0625 + 2 * 0.5 + 3 * 1.5, Workload.DemandHoursPerWeek(Patterns.For(Segment.C), 0, 2, 3, Options), 10);
    }

    [Theory]
    [InlineData(30, 1.0, 30)]
    [InlineData(30, 0.5, 15)]
    [InlineData(30, 1.7, 30)]
    [InlineData(30, -1, 0)]
    public void CapacityHoursPerWeek_IsSellingHoursTimesClampedAvailability(double hours, double availability, double expected) =>
        Assert.Equal(expected, Workload.CapacityHoursPerWeek(hours, availability));

    [Fact]
    public void CoverageRatio_IsCapacityOverDemand_AndInfiniteWithoutDemand()
    {
        Assert.Equal(0.82, Workload.CoverageRatio(82, 100), 10);
        Assert.Equal(double.PositiveInfinity, Workload.CoverageRatio(30, 0));
        Assert.Equal(1, Workload.CoverageRatio(0, 0));
    }

    [Fact]
    public void Utilisation_IsWorkloadOverCapacity()
    {
        Assert.Equal(1.2, Workload.Utilisation(36, 30), 10);
        Assert.Equal(0, Workload.Utilisation(0, 0));
    }
}
