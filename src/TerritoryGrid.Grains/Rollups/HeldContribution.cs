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

    /// <summary>
    /// All of the account's retained days, in day order, whatever part of them the latest contribution carried. In a
    /// list kept from one contribution to the next: most contributions add a day or forget one, and an exact array per
    /// change (in the territory's book and the rep's) outlived the collections that found it, so most of what a
    /// simulated season allocated was promoted and copied by the collector.
    /// </summary>
    [Id(7)] public HeldList<DayTotals> Days;

    /// <summary>
    /// Room for one more day when the days outgrow their list: they mostly come and go one at a time, and a day is
    /// ~130 bytes in each of two books per account, which scenario 4 budgets at 8 KB all in.
    /// </summary>
    public const int SpareDays = 1;

    /// <summary>Where books of state version 3 and earlier kept <see cref="Days"/>; read once by <see cref="MigrateDays"/>, then null.</summary>
    [Id(4)] public DayTotals[]? StoredTotalsByDay;

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
        if (contribution.TotalsByDay is not { } days)
        {
            Days.Resize(0);
        }
        else if (contribution.DaysFrom is { } from && Days.Count > 0)
        {
            ChangedDays.Apply(ref Days, days, from, contribution.OldestDay);
        }
        else
        {
            Days.Overwrite(days, SpareDays);
        }

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

    /// <summary>Version 3 to 4: the days a stored book kept in an exact array move into <see cref="Days"/>.</summary>
    public void MigrateDays()
    {
        if (StoredTotalsByDay is { } stored)
        {
            Days.Overwrite(stored, SpareDays);
            StoredTotalsByDay = null;
        }
    }
}
