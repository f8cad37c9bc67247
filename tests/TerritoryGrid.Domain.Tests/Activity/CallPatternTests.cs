using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Activity;

namespace TerritoryGrid.Domain.Tests.Activity;

public sealed class CallPatternTests
{
    [Theory]
    [InlineData(Channel.Visit, Channel.Visit, true)]
    [InlineData(Channel.Visit, Channel.Video, false)]
    [InlineData(Channel.Call, Channel.Visit, true)]
    [InlineData(Channel.Call, Channel.Video, true)]
    [InlineData(Channel.Call, Channel.Call, true)]
    [InlineData(Channel.Call, Channel.Email, false)]
    public void IsSatisfiedBy_CountsOnlyChannelsAtLeastAsRich(Channel required, Channel delivered, bool counts) =>
        Assert.Equal(counts, new CallPattern(1, required, 15).IsSatisfiedBy(delivered));

    [Fact]
    public void Defaults_AreTheDomainTable()
    {
        var patterns = new CallPatternOptions();

        Assert.Equal(new CallPattern(4, Channel.Visit, 90), patterns.For(Segment.A));
        Assert.Equal(new CallPattern(2, Channel.Call, 30), patterns.For(Segment.B));
        Assert.Equal(new CallPattern(1, Channel.Call, 15), patterns.For(Segment.C));
    }
}
