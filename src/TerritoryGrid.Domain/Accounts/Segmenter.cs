namespace TerritoryGrid.Domain.Accounts;

/// <summary>Derives A/B/C segments from account value by rank (Pareto by default).</summary>
public static class Segmenter
{
    /// <summary>
    /// Returns the segment of every account, keyed by id. Accounts are ranked by <paramref name="value"/>,
    /// highest first (ties by id), and cut at the configured shares.
    /// </summary>
    public static Dictionary<string, Segment> Assign<T>(
        IReadOnlyCollection<T> accounts, Func<T, string> id, Func<T, double> value, SegmentationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var ranked = accounts.OrderByDescending(value).ThenBy(id, StringComparer.Ordinal).ToList();
        var countA = (int)Math.Round(ranked.Count * options.ShareA, MidpointRounding.AwayFromZero);
        var countB = (int)Math.Round(ranked.Count * (options.ShareA + options.ShareB), MidpointRounding.AwayFromZero) - countA;
        var result = new Dictionary<string, Segment>(ranked.Count, StringComparer.Ordinal);
        for (var i = 0; i < ranked.Count; i++)
        {
            var segment = i < countA ? Segment.A : i < countA + countB ? Segment.B : Segment.C;
            result[id(ranked[i])] = segment;
        }

        return result;
    }
}
