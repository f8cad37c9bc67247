using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Domain.Tests.Coverage;

public sealed class CallPlanAdherenceTests
{
    [Theory]
    [InlineData(4, 7, 1.0)]
    [InlineData(4, 28, 4.0)]
    [InlineData(4, 60, 4.0)]
    [InlineData(4, -3, 0.0)]
    public void RequiredTouches_IsProRatedWhileThePlanIsYoungerThanTheWindow(int touches, double elapsedDays, double expected) =>
        Assert.Equal(expected, CallPlanAdherence.RequiredTouches(touches, elapsedDays, 28), 10);

    [Fact]
    public void Ratio_OverServingOneAccountDoesNotHideStarvingAnother()
    {
        // Account 1 owes 4 and got 8; account 2 owes 4 and got 0: adherence is 4/8, not 8/8.
        var credited = CallPlanAdherence.CreditedTouches(8, 4) + CallPlanAdherence.CreditedTouches(0, 4);

        Assert.Equal(0.5, CallPlanAdherence.Ratio(credited, 8));
    }

    [Fact]
    public void Ratio_NothingOwedYet_IsFullAdherence() => Assert.Equal(1, CallPlanAdherence.Ratio(0, 0));
}
