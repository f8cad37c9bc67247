using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// What a book keeps of an account's latest contribution, in storage of its own that the account's next contribution
/// overwrites. Keeping the contributions themselves made every one of them live until the account's next (about two
/// seconds under load), promoted through the collector's generations by the long-lived book pointing at it (a sixth of
/// what each collection promoted in live ingest: 69 MB then, 57 MB since).
/// </summary>
[GenerateSerializer, Alias("tg.HeldContribution")]
internal sealed class HeldContribution
{
    [Id(0)] public long Sequence;
    [Id(1)] public ActivityTotals Totals;
    [Id(2)] public HeldList<ProductAmount> RevenueByProduct;

    /// <summary>All of the account's retained days, whatever part of them the latest contribution carried.</summary>
    [Id(4)] public DayTotals[] TotalsByDay = [];

    [Id(5)] public HeldList<MonthMoney> MoneyByMonth;

    /// <summary>Null for a rep who worked the account without owning it.</summary>
    [Id(6)] public HeldCoverage? Coverage;

    /// <summary>
    /// Takes <paramref name="contribution"/>'s figures. Its days replace the held ones from
    /// <see cref="AccountContribution.DaysFrom"/> on when it carries only the changed days (down to the account's oldest
    /// retained day); without held days (the book was emptied by a rebuild), a partial contribution's days are taken
    /// as they are until the account's whole reset arrives, which a rebuild always sends.
    /// </summary>
    public void CopyFrom(AccountContribution contribution)
    {
        Sequence = contribution.Sequence;
        Totals = contribution.Totals;
        CopyKeepingHeldNames(contribution.RevenueByProduct);
        TotalsByDay = contribution.TotalsByDay is not { } days ? []
            : contribution.DaysFrom is { } from && TotalsByDay.Length > 0 ? ChangedDays.Apply(TotalsByDay, days, from, contribution.OldestDay)
            : OwnCopy(TotalsByDay, days);
        MoneyByMonth.Overwrite(contribution.MoneyByMonth);
        if (contribution.Coverage is not { } coverage)
        {
            Coverage = null;
            return;
        }

        Coverage ??= new HeldCoverage();
        Coverage.CopyFrom(coverage);
    }

    /// <summary>
    /// The amounts by product, keeping the product names already held where they are the same: a name deserialized
    /// from another silo is a new string each time.
    /// </summary>
    private void CopyKeepingHeldNames(ProductAmount[] incoming)
    {
        var held = RevenueByProduct.Resize(incoming.Length);
        for (var i = 0; i < incoming.Length; i++)
        {
            held[i] = string.Equals(held[i].Product, incoming[i].Product, StringComparison.Ordinal)
                ? held[i] with { Amount = incoming[i].Amount }
                : incoming[i];
        }
    }

    /// <summary>
    /// <paramref name="incoming"/> written into <paramref name="held"/> when the days are as many, else a copy: never
    /// <paramref name="incoming"/> itself, which is young and would be kept alive by the book. The days stay an exact
    /// array because <see cref="ChangedDays.Apply"/> reads the held set of days from its length.
    /// </summary>
    private static DayTotals[] OwnCopy(DayTotals[] held, DayTotals[] incoming)
    {
        if (held.Length == incoming.Length)
        {
            incoming.CopyTo(held, 0);
            return held;
        }

        return incoming.Length == 0 ? [] : (DayTotals[])incoming.Clone();
    }
}
