using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// Combines an account's days by event day when a contribution carries only the days it changed
/// (<see cref="AccountContribution.DaysFrom"/>): the earlier contribution's days before that day, from the account's
/// oldest retained day on, then the changed ones.
/// </summary>
internal static class ChangedDays
{
    /// <summary>
    /// <paramref name="newer"/> with the days of <paramref name="older"/> it did not carry; still partial if
    /// <paramref name="older"/> was (from the earlier of the two days), whole otherwise. For merging in the dispatcher:
    /// allocates, never writes into either.
    /// </summary>
    public static AccountContribution Combine(AccountContribution older, AccountContribution newer)
    {
        if (newer.DaysFrom is not { } from)
        {
            return newer;
        }

        var days = Merged(older.TotalsByDay ?? [], newer.TotalsByDay ?? [], from, newer.OldestDay);
        return older.DaysFrom is { } olderFrom
            ? newer with { TotalsByDay = days, DaysFrom = Math.Min(olderFrom, from) }
            : newer with { TotalsByDay = days, DaysFrom = null, OldestDay = null };
    }

    /// <summary>
    /// The whole days after applying <paramref name="incoming"/> over what the target holds, written into
    /// <paramref name="held"/>: its days before <paramref name="oldest"/> forgotten, those from <paramref name="from"/>
    /// on replaced. In place, moving the kept days down when old ones were forgotten; a new array only when the days
    /// outgrow the one held. <paramref name="held"/> must belong to the caller.
    /// </summary>
    public static void Apply(ref HeldList<DayTotals> held, DayTotals[] incoming, int from, int? oldest)
    {
        var days = held.Span;
        var first = 0;
        while (first < days.Length && oldest is { } floor && days[first].Day < floor)
        {
            first++;
        }

        var end = first;
        while (end < days.Length && days[end].Day < from)
        {
            end++;
        }

        var kept = end - first;
        if (first > 0)
        {
            days[first..end].CopyTo(held.Items.AsSpan());
        }

        if (kept + incoming.Length > (held.Items?.Length ?? 0))
        {
            var keptDays = held.Items.AsSpan(0, kept).ToArray();
            keptDays.CopyTo(held.Resize(kept + incoming.Length, HeldContribution.SpareDays));
        }
        else
        {
            held.Resize(kept + incoming.Length);
        }

        incoming.CopyTo(held.Items.AsSpan(kept));
    }

    private static DayTotals[] Merged(DayTotals[] earlier, DayTotals[] changed, int from, int? oldest)
    {
        var first = 0;
        while (first < earlier.Length && oldest is { } floor && earlier[first].Day < floor)
        {
            first++;
        }

        var end = first;
        while (end < earlier.Length && earlier[end].Day < from)
        {
            end++;
        }

        var days = new DayTotals[end - first + changed.Length];
        Array.Copy(earlier, first, days, 0, end - first);
        changed.CopyTo(days, end - first);
        return days;
    }
}
