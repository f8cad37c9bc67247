using Orleans.Runtime;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Grains.Rollups;

namespace TerritoryGrid.Grains.Tests.Rollups;

public sealed class SiblingKeysTests
{
    [Theory]
    [InlineData("live", 0, "acct-17", "t-east")]
    [InlineData("sandbox-q4", 12, "Zürich-Café-3", "rep-Ødegård")]
    public void ASiblingsKey_IsTheKeyGrainKeysMakes_InTheSameWorkspaceAndGeneration(string workspace, int generation, string account, string sibling)
    {
        var grainId = GrainId.Create("account", GrainKeys.Of(workspace, generation, account));

        Assert.Equal(account, SiblingKeys.IdOf(grainId));
        Assert.Equal(GrainKeys.Of(workspace, generation, sibling), SiblingKeys.Of(grainId, sibling));
    }

    [Fact]
    public void TheSameSibling_IsOneStringInstance_SoPublishingAllocatesNoKey()
    {
        var first = GrainId.Create("account", GrainKeys.Of("live", 3, "acct-1"));
        var second = GrainId.Create("account", GrainKeys.Of("live", 3, "acct-2"));

        Assert.Same(SiblingKeys.Of(first, "west"), SiblingKeys.Of(second, "west"));
        Assert.NotEqual(SiblingKeys.Of(first, "west"), SiblingKeys.Of(GrainId.Create("account", GrainKeys.Of("live", 4, "acct-1")), "west"));
    }
}
