using TerritoryGrid.Grains.Accounts;

namespace TerritoryGrid.Grains.Tests.Accounts;

public sealed class DayMapTests
{
    [Fact]
    public void Days_AddedInAnyOrder_AreKeptInDayOrder_PastTheFirstCapacity()
    {
        var map = new DayMap<int>();
        foreach (var day in new[] { 40, 1, 23, 7, 40, 2, 39 })
        {
            map.GetOrAdd(day)++;
        }

        Assert.Equal([1, 2, 7, 23, 39, 40], map.Days.ToArray());
        Assert.Equal([1, 1, 1, 1, 1, 2], map.Values.ToArray());
        Assert.Equal(2, map.GetValueOrDefault(40));
        Assert.Equal(0, map.GetValueOrDefault(3));
        Assert.Equal(6, map.Count);
    }

    [Fact]
    public void RemoveBefore_ForgetsOnlyTheOlderDays_AndTheMapKeepsWorking()
    {
        var map = new DayMap<int>();
        foreach (var day in new[] { 5, 6, 9, 12 })
        {
            map.GetOrAdd(day) = day * 10;
        }

        map.RemoveBefore(9);
        map.GetOrAdd(10) = 100;
        map.RemoveBefore(1);

        Assert.Equal([(9, 90), (10, 100), (12, 120)], ToPairs(map));
        Assert.Equal(0, map.GetValueOrDefault(5));

        map.RemoveBefore(13);
        Assert.Equal(0, map.Count);
        Assert.Empty(ToPairs(map));
    }

    [Fact]
    public void From_CopiesAStoredDictionary()
    {
        var map = DayMap<int>.From(new SortedDictionary<int, int> { [3] = 1, [1] = 4 });

        Assert.Equal([(1, 4), (3, 1)], ToPairs(map));
    }

    private static List<(int Day, int Value)> ToPairs(DayMap<int> map)
    {
        var pairs = new List<(int, int)>();
        foreach (var (day, value) in map)
        {
            pairs.Add((day, value));
        }

        return pairs;
    }
}
