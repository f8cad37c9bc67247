using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Grains.Accounts;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// The latest contribution of every account of a rep or territory, and their running sums. Applying a
/// contribution replaces the account's previous one (sums move by the difference), and one whose sequence is not
/// newer is ignored: totals always equal the sum of the accounts' latest contributions, whatever is re-sent.
/// </summary>
[GenerateSerializer, Alias("tg.ContributionBook")]
internal sealed class ContributionBook
{
    /// <summary>Share of an account's call plan below which its annual revenue is at risk (DOMAIN.md: 0.5).</summary>
    public const double RevenueAtRiskAdherence = 0.5;

    /// <summary>
    /// The accounts' latest contributions as books of state version 2 and earlier kept them; <see cref="MigrateHeld"/>
    /// moves them into <see cref="ByAccount"/>. Read only from stored states.
    /// </summary>
    [Id(0)] public Dictionary<string, AccountContribution>? Legacy { get; set; }

    /// <summary>What the book keeps of each account's latest contribution.</summary>
    [Id(9)] public Dictionary<string, HeldContribution> ByAccount { get; set; } = new(StringComparer.Ordinal);

    [Id(1)] public ActivityTotals Totals;

    [Id(2)] public Dictionary<string, double> RevenueByProduct { get; set; } = new(StringComparer.Ordinal);

    [Id(3)] public double DemandHours { get; set; }

    [Id(4)] public double RevenuePotential { get; set; }

    [Id(5)] public double AnnualRevenue { get; set; }

    [Id(6)] public int CoveredAccounts { get; set; }

    [Id(7)] public DateTimeOffset? Watermark { get; set; }

    /// <summary>The accounts' won value and revenue by calendar month, summed (fiscal periods are whole months).</summary>
    [Id(8)] public Dictionary<int, MonthMoney> MoneyByMonth { get; set; } = [];

    public MonthMoney[] Months() => [.. MoneyByMonth.Values.Where(m => m.WonValue != 0 || m.Revenue != 0).OrderBy(m => m.Month)];

    /// <summary>
    /// Version 2 to 3: the contributions a stored book kept become the book's own copies. The sums already count them.
    /// </summary>
    public void MigrateHeld()
    {
        foreach (var (accountId, contribution) in Legacy ?? [])
        {
            var held = new HeldContribution();
            held.CopyFrom(contribution);
            ByAccount[accountId] = held;
        }

        Legacy = null;
    }

    /// <summary>Version 3 to 4: each held contribution's days move into the list it keeps them in now.</summary>
    public void MigrateDays()
    {
        foreach (var held in ByAccount.Values)
        {
            held.MigrateDays();
        }
    }

    /// <summary>Applies a contribution; false when it was stale (a re-send or out of order) and changed nothing.</summary>
    public bool Apply(AccountContribution contribution)
    {
        if (ByAccount.TryGetValue(contribution.AccountId, out var held))
        {
            if (held.Sequence >= contribution.Sequence)
            {
                return false;
            }

            Add(held, -1);
        }
        else
        {
            held = new HeldContribution();
            ByAccount[contribution.AccountId] = held;
        }

        held.CopyFrom(contribution);
        Add(held, +1);
        if (contribution.LatestEventAt is { } latest && (Watermark is null || latest > Watermark))
        {
            Watermark = latest;
        }

        return true;
    }

    /// <summary>Applies contributions; returns whether any changed the book, and the earliest event time they changed.</summary>
    public (bool Changed, DateTimeOffset? EarliestChange) ApplyAll(IEnumerable<AccountContribution> contributions)
    {
        var changed = false;
        DateTimeOffset? earliest = null;
        foreach (var contribution in contributions)
        {
            if (Apply(contribution))
            {
                changed = true;
                if (contribution.EarliestChangeAt is { } at && (earliest is null || at < earliest))
                {
                    earliest = at;
                }
            }
        }

        return (changed, earliest);
    }

    /// <summary>
    /// Demand, call-plan adherence, waiting leads and revenue at risk as of <paramref name="at"/>, over the
    /// <see cref="ClassificationOptions.WindowDays"/> days ending with <paramref name="windowEnd"/> (the day of a live
    /// watermark, or the day before a boundary being classified).
    /// </summary>
    public WindowFigures At(DateTimeOffset at, int windowEnd, MetricsOptions options)
    {
        var window = new WindowSums(at, windowEnd, options);
        foreach (var (accountId, contribution) in ByAccount)
        {
            window.Add(accountId, contribution);
        }

        return window.Figures();
    }

    /// <summary>
    /// The totals as they stood just before <paramref name="boundary"/> (a day's start): the current totals less what
    /// the days from the boundary on added, with the open funnel and churn counted as of the boundary. Exact while
    /// those days are within the accounts' retained days (older days are no longer split by day).
    /// </summary>
    public ActivityTotals TotalsBefore(DateTimeOffset boundary)
    {
        var totals = Totals;
        var firstDayAfter = EventDay.Of(boundary);
        foreach (var contribution in ByAccount.Values)
        {
            TakeBackFrom(ref totals, contribution, firstDayAfter, boundary);
        }

        return totals;
    }

    /// <summary>
    /// A day being closed: <see cref="At"/> as of its start over the window ending the day before, and
    /// <see cref="TotalsBefore"/> its start, in one walk of the accounts. A territory closes each day of the year
    /// this way, and walking its thousand accounts once instead of twice halves what classifying costs.
    /// </summary>
    public (WindowFigures Window, ActivityTotals Totals) Closing(int day, MetricsOptions options)
    {
        var boundary = EventDay.Start(day);
        var window = new WindowSums(boundary, day - 1, options);
        var totals = Totals;
        foreach (var (accountId, contribution) in ByAccount)
        {
            window.Add(accountId, contribution);
            TakeBackFrom(ref totals, contribution, day, boundary);
        }

        return (window.Figures(), totals);
    }

    /// <summary>Takes out of <paramref name="totals"/> what the account's days from <paramref name="firstDayAfter"/> added, and its funnel as it stood then.</summary>
    private static void TakeBackFrom(ref ActivityTotals totals, HeldContribution contribution, int firstDayAfter, DateTimeOffset boundary)
    {
        // Days are in day order and the later ones are few (usually none): walked from the end.
        var days = contribution.Days.Span;
        for (var i = days.Length - 1; i >= 0 && days[i].Day >= firstDayAfter; i--)
        {
            totals.Add(days[i].Totals, -1);
        }

        if (contribution.Coverage is not { } coverage)
        {
            return;
        }

        var before = boundary.AddTicks(-1);
        var current = contribution.Totals;
        totals.OpenLeads -= current.OpenLeads;
        totals.OpenOpportunities -= current.OpenOpportunities;
        totals.OpenPipeline -= current.OpenPipeline;
        totals.ChurnedAccounts -= current.ChurnedAccounts;
        totals.OpenLeads += coverage.LeadsOpenAt(before);
        var (openOpportunities, pipeline) = coverage.OpportunitiesOpenAt(before);
        totals.OpenOpportunities += openOpportunities;
        totals.OpenPipeline += pipeline;
        totals.ChurnedAccounts += coverage.IsChurnedAt(before) ? 1 : 0;
    }

    /// <summary>The sums behind <see cref="WindowFigures"/>, one account at a time.</summary>
    private struct WindowSums(DateTimeOffset at, int windowEnd, MetricsOptions options)
    {
        private readonly DateTimeOffset leadDeadline = at.AddHours(-options.Classification.LeadResponseTargetHours);
        private double demand, credited, required, atRisk;
        private int waiting;
        private List<string>? orphaned;

        public void Add(string accountId, HeldContribution contribution)
        {
            if (contribution.Coverage is not { } coverage || coverage.IsChurnedAt(at) || !coverage.IsCoveredAt(at))
            {
                return;
            }

            var windowDays = options.Classification.WindowDays;
            demand += coverage.DemandHoursAt(at, options.Workload);
            var owed = CallPlanAdherence.RequiredTouches(coverage.TouchesPer4Weeks, windowEnd + 1 - coverage.PlanStartDay, windowDays);
            var credit = CallPlanAdherence.CreditedTouches(coverage.TouchesBetween(windowEnd - windowDays, windowEnd), owed);
            credited += credit;
            required += owed;
            if (owed > 0 && credit / owed < RevenueAtRiskAdherence)
            {
                atRisk += coverage.AnnualRevenue;
            }

            waiting += coverage.LeadsWaitingAt(at, leadDeadline);
            if (coverage.IsOrphanedAt(at))
            {
                (orphaned ??= []).Add(accountId);
            }
        }

        // In id order: the reason naming them must not depend on the order contributions arrived in.
        public readonly WindowFigures Figures() =>
            new(demand, credited, required, waiting, atRisk, orphaned?.Order(StringComparer.Ordinal).ToArray());
    }

    private void Add(HeldContribution contribution, int sign)
    {
        Totals.Add(contribution.Totals, sign);
        foreach (var product in contribution.RevenueByProduct.Span)
        {
            var amount = RevenueByProduct.GetValueOrDefault(product.Product) + sign * product.Amount;
            RevenueByProduct[product.Product] = amount;
        }

        foreach (var month in contribution.MoneyByMonth.Span)
        {
            var sum = MoneyByMonth.GetValueOrDefault(month.Month, new MonthMoney(month.Month, 0, 0));
            MoneyByMonth[month.Month] = sum with { WonValue = sum.WonValue + (sign * month.WonValue), Revenue = sum.Revenue + (sign * month.Revenue) };
        }

        if (contribution.Coverage is { IsCurrent: true } coverage)
        {
            DemandHours += sign * coverage.DemandHoursPerWeek;
            RevenuePotential += sign * coverage.RevenuePotential;
            AnnualRevenue += sign * coverage.AnnualRevenue;
            CoveredAccounts += sign;
        }
    }
}
