using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Commercial;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// An account's won value and revenue by calendar month and rep, for fiscal periods (quota attainment, year-over-year
/// growth). Kept in the account because only it sees each event's month: its totals by day are forgotten after the
/// retained days, and a history import delivers years at once. Only months with money are kept (most accounts have a
/// few), and only the last <see cref="RetainedMonths"/>: two fiscal years back from the current month.
/// </summary>
internal static class MonthlyMoneyLedger
{
    public const int RetainedMonths = 25;

    public static void Record(AccountState state, string? repId, DateTimeOffset at, double wonValue, double revenue)
    {
        if (wonValue == 0 && revenue == 0)
        {
            return;
        }

        var month = FiscalCalendar.MonthIndex(at);
        var latest = state.Watermark is { } watermark && watermark > at ? FiscalCalendar.MonthIndex(watermark) : month;
        var oldest = latest - RetainedMonths + 1;
        if (month < oldest)
        {
            // Older than any fiscal figure reads: counted in the totals only.
            return;
        }

        var entries = state.MoneyByMonth ??= new List<RepMonthMoney>(1);
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            // A loop, not RemoveAll: this runs for every order and win, and a predicate capturing the month allocates.
            if (entries[i].Month < oldest)
            {
                entries.RemoveAt(i);
            }
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Month == month && entries[i].RepId == repId)
            {
                entries[i] = entries[i] with { WonValue = entries[i].WonValue + wonValue, Revenue = entries[i].Revenue + revenue };
                return;
            }
        }

        entries.Add(new RepMonthMoney(repId, month, wonValue, revenue));
    }

    /// <summary>The account's months, whoever booked them (to its territory).</summary>
    public static MonthMoney[]? OfAccount(AccountState state) => Of(state, repId: null, everyRep: true);

    /// <summary>What one rep booked (to that rep).</summary>
    public static MonthMoney[]? OfRep(AccountState state, string repId) => Of(state, repId, everyRep: false);

    private static MonthMoney[]? Of(AccountState state, string? repId, bool everyRep)
    {
        if (state.MoneyByMonth is not { Count: > 0 } entries)
        {
            return null;
        }

        // A few months at most (25 per rep): summed in an array kept in month order, no sorted dictionary or list per
        // call; it is the result when every entry is a month of its own (most accounts).
        MonthMoney[]? months = null;
        var count = 0;
        foreach (var entry in entries)
        {
            if (!everyRep && entry.RepId != repId)
            {
                continue;
            }

            months ??= new MonthMoney[entries.Count];
            var at = count;
            while (at > 0 && months[at - 1].Month > entry.Month)
            {
                at--;
            }

            if (at > 0 && months[at - 1].Month == entry.Month)
            {
                var sum = months[at - 1];
                months[at - 1] = sum with { WonValue = sum.WonValue + entry.WonValue, Revenue = sum.Revenue + entry.Revenue };
            }
            else
            {
                Array.Copy(months, at, months, at + 1, count - at);
                months[at] = new MonthMoney(entry.Month, entry.WonValue, entry.Revenue);
                count++;
            }
        }

        return months is null || count == months.Length ? months : months[..count];
    }
}
