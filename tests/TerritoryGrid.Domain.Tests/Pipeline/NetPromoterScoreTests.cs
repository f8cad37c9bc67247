using TerritoryGrid.Domain.Pipeline;

namespace TerritoryGrid.Domain.Tests.Pipeline;

public sealed class NetPromoterScoreTests
{
    [Fact]
    public void Score_IsPercentPromotersMinusPercentDetractors() => Assert.Equal(30, NetPromoterScore.Score(5, 2, 10));

    [Fact]
    public void Score_NobodyAnswered_IsNull() => Assert.Null(NetPromoterScore.Score(0, 0, 0));

    [Theory]
    [InlineData(10, true, false)]
    [InlineData(9, true, false)]
    [InlineData(8, false, false)]
    [InlineData(7, false, false)]
    [InlineData(6, false, true)]
    [InlineData(0, false, true)]
    public void Buckets_FollowTheScale(int score, bool promoter, bool detractor)
    {
        Assert.Equal(promoter, NetPromoterScore.IsPromoter(score));
        Assert.Equal(detractor, NetPromoterScore.IsDetractor(score));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void IsValidAnswer_AcceptsZeroToTen(int score, bool valid) => Assert.Equal(valid, NetPromoterScore.IsValidAnswer(score));
}
