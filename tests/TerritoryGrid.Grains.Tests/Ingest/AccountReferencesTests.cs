using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Grains.Tests.Cluster;

namespace TerritoryGrid.Grains.Tests.Ingest;

/// <summary>Account references are made once and reused, per workspace generation, and never point at another generation.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountReferencesTests(ClusterFixture cluster)
{
    [Fact]
    public void TheSameAccount_GetsTheSameReference_AndANewGenerationANewOne()
    {
        var references = new AccountReferences(cluster.Grains);

        var first = references.Get("refs", 1, "acct-1");
        var again = references.Get("refs", 1, "acct-1");
        var other = references.Get("refs", 1, "acct-2");
        var nextGeneration = references.Get("refs", 2, "acct-1");
        var sandbox = references.Get("refs-sandbox", 1, "acct-1");

        Assert.Same(first, again);
        Assert.Equal("refs/1/acct-1", first.GetPrimaryKeyString());
        Assert.Equal("refs/1/acct-2", other.GetPrimaryKeyString());
        Assert.Equal("refs/2/acct-1", nextGeneration.GetPrimaryKeyString());
        Assert.Equal("refs-sandbox/1/acct-1", sandbox.GetPrimaryKeyString());
        Assert.Equal("refs/1/acct-1", references.Get("refs", 1, "acct-1").GetPrimaryKeyString());
    }

    [Fact]
    public void PastTheLimit_TheSetsStartAgain_AndStillAnswerRightly()
    {
        var references = new AccountReferences(cluster.Grains);
        var first = references.Get("many", 1, "acct-0");

        for (var i = 1; i <= AccountReferences.MaxKept; i++)
        {
            references.Get("many", 1, "acct-" + i);
        }

        var afterwards = references.Get("many", 1, "acct-0");
        Assert.NotSame(first, afterwards);
        Assert.Equal("many/1/acct-0", afterwards.GetPrimaryKeyString());
    }
}
