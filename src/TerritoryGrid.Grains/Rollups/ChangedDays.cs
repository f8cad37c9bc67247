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
    /// The whole days after applying <paramref name="incoming"/> over what the target holds: written into
    /// <paramref name="held"/> when the set of days is the same (the common case: today's totals changed), a new array
    /// otherwise (a new day began, an old one was forgotten). <paramref name="held"/> must belong to the caller.
    /// </summary>
    public static DayTotals[] Apply(DayTotals[] held, DayTotals[] incoming, int from, int? oldest)
    {
        var kept = 0;
        while (kept < held.Length && held[kept].Day < from)
        {
            kept++;
        }

        var sameDays = held.Length == kept + incoming.Length && (held.Length == 0 || oldest is null || held[0].Day >= oldest);
        for (var j = 0; sameDays && j < incoming.Length; j++)
        {
            sameDays = held[kept + j].Day == incoming[j].Day;
        }

        if (!sameDays)
        {
            return Merged(held, incoming, from, oldest);
        }

        incoming.CopyTo(held, kept);
        return held;
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
