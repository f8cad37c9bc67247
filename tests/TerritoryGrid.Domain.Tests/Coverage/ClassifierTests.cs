using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Domain.Tests.Coverage;

public sealed class ClassifierTests
{
    private static readonly ClassificationOptions Defaults = new();

    private static CoverageInputs Inputs(double coverage, double adherence = 0.9, int waiting = 0) =>
        new(coverage * 100, 100, adherence, waiting, 3);

    [Fact]
    public void Classify_CoverageBelowThreshold_IsUnderServedWithTheNumbersInTheReason()
    {
        var result = Classifier.Classify(new CoverageInputs(338, 412, 0.9, 0, 3), ServiceStatus.Balanced, Defaults);

        Assert.Equal(ServiceStatus.UnderServed, result.Status);
        Assert.Equal("coverage 0.82 < 0.90: 3 reps (338 capacity hours/week) for 412 demand hours/week", result.Reason);
    }

    [Fact]
    public void Classify_AmpleCapacityButTouchesNotDelivered_IsAnExecutionGap()
    {
        var result = Classifier.Classify(Inputs(1.6, adherence: 0.6), ServiceStatus.Balanced, Defaults);

        Assert.Equal(ServiceStatus.UnderServed, result.Status);
        Assert.Equal("execution gap: call-plan adherence 0.60 < 0.80", result.Reason);
    }

    [Fact]
    public void Classify_LeadWaitingPastTheResponseTarget_IsUnderServed()
    {
        var result = Classifier.Classify(Inputs(1.0, waiting: 2), ServiceStatus.Balanced, Defaults);

        Assert.Equal(ServiceStatus.UnderServed, result.Status);
        Assert.Equal("2 new leads waiting longer than 48 h without a touch", result.Reason);
    }

    [Fact]
    public void Classify_ExcessCapacityWithPlanDelivered_IsOverServed()
    {
        var result = Classifier.Classify(Inputs(1.4), ServiceStatus.Balanced, Defaults);

        Assert.Equal(ServiceStatus.OverServed, result.Status);
        Assert.Equal("coverage 1.40 > 1.25: 140 capacity hours/week for 100 demand hours/week", result.Reason);
    }

    [Theory]
    [InlineData(1.0, 0.9, ServiceStatus.Balanced)]
    [InlineData(0.9, 0.8, ServiceStatus.Balanced)]
    [InlineData(1.25, 0.9, ServiceStatus.Balanced)]
    public void Classify_WithinThresholds_IsBalanced(double coverage, double adherence, ServiceStatus expected) =>
        Assert.Equal(expected, Classifier.Classify(Inputs(coverage, adherence), ServiceStatus.Balanced, Defaults).Status);

    [Fact]
    public void Classify_CoverageJustAboveThresholdAfterUnderServed_StaysUnderServed()
    {
        Assert.Equal(ServiceStatus.UnderServed, Classifier.Classify(Inputs(0.92), ServiceStatus.UnderServed, Defaults).Status);
        Assert.Equal(ServiceStatus.Balanced, Classifier.Classify(Inputs(0.95), ServiceStatus.UnderServed, Defaults).Status);
        Assert.Equal(ServiceStatus.Balanced, Classifier.Classify(Inputs(0.92), ServiceStatus.Balanced, Defaults).Status);
    }

    [Fact]
    public void Classify_CoverageJustBelowThresholdAfterOverServed_StaysOverServed()
    {
        Assert.Equal(ServiceStatus.OverServed, Classifier.Classify(Inputs(1.22), ServiceStatus.OverServed, Defaults).Status);
        Assert.Equal(ServiceStatus.Balanced, Classifier.Classify(Inputs(1.19), ServiceStatus.OverServed, Defaults).Status);
    }

    [Fact]
    public void Classify_UsesConfiguredThresholds()
    {
        var strict = new ClassificationOptions { UnderServedCoverageBelow = 1.1, OverServedCoverageAbove = 2.0 };

        Assert.Equal(ServiceStatus.UnderServed, Classifier.Classify(Inputs(1.0), ServiceStatus.Balanced, strict).Status);
        Assert.Equal(ServiceStatus.Balanced, Classifier.Classify(Inputs(1.6), ServiceStatus.Balanced, strict).Status);
    }

    [Fact]
    public void Classify_NoDemandAtAll_IsOverServedNotAnError()
    {
        var result = Classifier.Classify(new CoverageInputs(30, 0, 1, 0, 1), ServiceStatus.Balanced, Defaults);

        Assert.Equal(ServiceStatus.OverServed, result.Status);
        Assert.StartsWith("coverage ∞ > 1.25", result.Reason);
    }
}
