using TerritoryGrid.Grains.Rollups;

namespace TerritoryGrid.Grains.Tests.Rollups;

public sealed class HeldListTests
{
    [Fact]
    public void Overwrite_HoldsExactlyTheNewestItems_GrowingAndShrinking()
    {
        var list = default(HeldList<string>);
        list.Overwrite(["a", "b"]);
        Assert.Equal(["a", "b"], list.Span.ToArray());

        list.Overwrite(["c", "d", "e"]);
        Assert.Equal(["c", "d", "e"], list.Span.ToArray());

        list.Overwrite(["f"]);
        Assert.Equal(["f"], list.Span.ToArray());
        Assert.All(list.Items![1..], item => Assert.Null(item));

        list.Overwrite([]);
        Assert.True(list.Span.IsEmpty);
    }

    [Fact]
    public void Overwrite_ReusesItsArray_WhileTheItemsFit_AndNeverAdoptsTheSendersArray()
    {
        var list = default(HeldList<int>);
        int[] sent = [1, 2, 3];
        list.Overwrite(sent);
        Assert.NotSame(sent, list.Items);

        list.Overwrite([4, 5, 6, 7]);
        var grown = list.Items;
        Assert.True(grown!.Length > 4, "a list that grew keeps room for more");

        list.Overwrite([8, 9]);
        list.Overwrite([10, 11, 12, 13, 14]);
        Assert.Same(grown, list.Items);
        Assert.Equal([10, 11, 12, 13, 14], list.Span.ToArray());
    }
}
