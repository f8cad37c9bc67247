using TerritoryGrid.Domain.Accounts;

namespace TerritoryGrid.Domain.Tests.Accounts;

public sealed class SegmenterTests
{
    [Fact]
    public void Assign_TenAccountsDefaultShares_GivesTwoAThreeBFiveC()
    {
        var values = Enumerable.Range(1, 10).Select(i => (Id: $"a{i:D2}", Value: i * 100.0)).ToList();

        var segments = Segmenter.Assign(values, v => v.Id, v => v.Value, new SegmentationOptions());

        Assert.Equal([Segment.A, Segment.A], new[] { segments["a10"], segments["a09"] });
        Assert.Equal(3, segments.Values.Count(s => s == Segment.B));
        Assert.Equal(5, segments.Values.Count(s => s == Segment.C));
        Assert.Equal(Segment.C, segments["a01"]);
    }

    [Fact]
    public void Assign_CustomShares_CutWhereConfigured()
    {
        var values = Enumerable.Range(1, 10).Select(i => (Id: $"a{i:D2}", Value: (double)i)).ToList();

        var segments = Segmenter.Assign(values, v => v.Id, v => v.Value, new SegmentationOptions { ShareA = 0.5, ShareB = 0.5 });

        Assert.Equal(5, segments.Values.Count(s => s == Segment.A));
        Assert.Equal(5, segments.Values.Count(s => s == Segment.B));
    }

    [Fact]
    public void EstimatePotential_UsesTheSegmentsMultiplier()
    {
        var options = new SegmentationOptions();

        Assert.Equal(110_000, options.EstimatePotential(Segment.A, 100_000), 6);
        Assert.Equal(160_000, options.EstimatePotential(Segment.C, 100_000), 6);
    }
}
