using System.Runtime.InteropServices;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// An account's figures by event-time day, in day order: a few dozen days at most (the retained window), mostly added
/// at the end and forgotten from the start. Kept in two arrays rather than a sorted dictionary, whose every walk
/// allocated a stack for its tree (an account walks its days four times per applied batch: 7% of live ingest's
/// allocation) and whose every day was an object of its own for the collector to trace.
/// </summary>
[GenerateSerializer, Alias("tg.DayMap`1")]
internal sealed class DayMap<TValue>
    where TValue : struct
{
    [Id(0)] private int[] days = [];
    [Id(1)] private TValue[] values = [];
    [Id(2)] private int count;

    public int Count => count;

    public ReadOnlySpan<int> Days => days.AsSpan(0, count);

    public ReadOnlySpan<TValue> Values => values.AsSpan(0, count);

    /// <summary>The value of <paramref name="day"/>, or the default when the day has none.</summary>
    public TValue GetValueOrDefault(int day)
    {
        var at = Array.BinarySearch(days, 0, count, day);
        return at >= 0 ? values[at] : default;
    }

    /// <summary>The value of <paramref name="day"/> to change in place, added (as the default) when the day has none.</summary>
    public ref TValue GetOrAdd(int day)
    {
        var at = Array.BinarySearch(days, 0, count, day);
        if (at >= 0)
        {
            return ref values[at];
        }

        at = ~at;
        if (count == days.Length)
        {
            // Doubling from 2: most accounts hold a few days, an account worked daily up to the retained window.
            var capacity = Math.Max(2, count * 2);
            Array.Resize(ref days, capacity);
            Array.Resize(ref values, capacity);
        }

        Array.Copy(days, at, days, at + 1, count - at);
        Array.Copy(values, at, values, at + 1, count - at);
        days[at] = day;
        values[at] = default;
        count++;
        return ref values[at];
    }

    /// <summary>Forgets the days before <paramref name="oldestKept"/>.</summary>
    public void RemoveBefore(int oldestKept)
    {
        var forgotten = 0;
        while (forgotten < count && days[forgotten] < oldestKept)
        {
            forgotten++;
        }

        if (forgotten == 0)
        {
            return;
        }

        Array.Copy(days, forgotten, days, 0, count - forgotten);
        Array.Copy(values, forgotten, values, 0, count - forgotten);
        count -= forgotten;
    }

    /// <summary>Day and value pairs in day order, for <c>foreach (var (day, value) in map)</c> without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Copies a dictionary read from an older stored state.</summary>
    public static DayMap<TValue> From(IEnumerable<KeyValuePair<int, TValue>> byDay)
    {
        var map = new DayMap<TValue>();
        foreach (var (day, value) in byDay)
        {
            map.GetOrAdd(day) = value;
        }

        return map;
    }

    [StructLayout(LayoutKind.Auto)]
    public struct Enumerator(DayMap<TValue> map)
    {
        private int index = -1;

        public readonly KeyValuePair<int, TValue> Current => new(map.days[index], map.values[index]);

        public bool MoveNext() => ++index < map.count;
    }
}
