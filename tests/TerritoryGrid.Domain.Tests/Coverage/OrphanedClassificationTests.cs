using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Domain.Tests.Coverage;

/// <summary>An orphaned account is under-served by definition (DOMAIN.md), whatever the territory's other figures.</summary>
public sealed class OrphanedClassificationTests
{
    private static readonly ClassificationOptions Defaults = new();

    [Fact]
    public void Classify_AnOrphanedAccountInAnOtherwiseOverServedTerritory_IsUnderServedNamingIt()
    {
        var inputs = new CoverageInputs(300, 100, 1.0, 0, 3, ["acct-7"]);

        var result = Classifier.Classify(inputs, ServiceStatus.OverServed, Defaults);

        Assert.Equal(ServiceStatus.UnderServed, result.Status);
        Assert.Equal("1 orphaned account (owner left, not reassigned): acct-7", result.Reason);
    }

    [Fact]
    public void Classify_ManyOrphanedAccounts_NamesTheFirstFiveAndCountsTheRest()
    {
        var inputs = new CoverageInputs(100, 100, 1.0, 0, 3, ["a1", "a2", "a3", "a4", "a5", "a6", "a7"]);

        var result = Classifier.Classify(inputs, ServiceStatus.Balanced, Defaults);

        Assert.Equal("7 orphaned accounts (owner left, not reassigned): a1, a2, a3, a4, a5 and 2 more", result.Reason);
    }

    [Fact]
    public void Classify_OnceNoAccountIsOrphaned_LeavesUnderServedWithoutHysteresis()
    {
        var inputs = new CoverageInputs(100, 100, 1.0, 0, 3, []);

        var result = Classifier.Classify(inputs, ServiceStatus.UnderServed, Defaults);

        Assert.Equal(ServiceStatus.Balanced, result.Status);
    }
}
