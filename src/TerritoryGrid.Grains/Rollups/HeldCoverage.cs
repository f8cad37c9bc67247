using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// A book's own copy of what an account's <see cref="AccountCoverage"/> says: overwritten in place by the account's
/// next contribution (its lists too, while they fit), so the contribution that brought it is garbage at
/// once instead of living on from a long-lived book until the account's next one.
/// </summary>
[GenerateSerializer, Alias("tg.HeldCoverage")]
internal sealed class HeldCoverage
{
    [Id(0)] public double DemandHoursPerWeek;
    [Id(1)] public double RevenuePotential;
    [Id(2)] public double AnnualRevenue;
    [Id(3)] public int TouchesPer4Weeks;
    [Id(4)] public int PlanStartDay;
    [Id(5)] public HeldList<TouchDay> TouchDays;
    [Id(7)] public double BaseDemandHoursPerWeek;
    [Id(8)] public HeldList<HeldSpan> Leads;
    [Id(9)] public HeldList<HeldSpan> Opportunities;
    // Instants as UTC ticks, "never" and "always" as the extremes: 8 bytes each instead of a nullable DateTimeOffset's
    // 24, in two books per account (scenario 4 budgets 8 KB per account all in).
    [Id(10)] public long ChurnedAtTicks = long.MaxValue;
    [Id(11)] public long CoveredFromTicks = long.MinValue;
    [Id(12)] public long CoveredUntilTicks = long.MaxValue;
    [Id(13)] public long OrphanedFromTicks = long.MaxValue;
    [Id(14)] public long OrphanedUntilTicks = long.MaxValue;

    /// <summary>False for a former owner's or territory's record of the account: it counts in history, not in today's figures.</summary>
    public bool IsCurrent => CoveredUntilTicks == long.MaxValue;

    public void CopyFrom(AccountCoverage coverage)
    {
        DemandHoursPerWeek = coverage.DemandHoursPerWeek;
        RevenuePotential = coverage.RevenuePotential;
        AnnualRevenue = coverage.AnnualRevenue;
        TouchesPer4Weeks = coverage.TouchesPer4Weeks;
        PlanStartDay = coverage.PlanStartDay;
        var touchDays = TouchDays.Resize(coverage.TouchDays.Length);
        for (var i = 0; i < touchDays.Length; i++)
        {
            touchDays[i] = new TouchDay(coverage.TouchDays[i], coverage.TouchCounts[i]);
        }

        BaseDemandHoursPerWeek = coverage.BaseDemandHoursPerWeek;
        CopySpans(ref Leads, coverage.Leads);
        CopySpans(ref Opportunities, coverage.Opportunities);
        ChurnedAtTicks = coverage.ChurnedAt?.UtcTicks ?? long.MaxValue;
        CoveredFromTicks = coverage.CoveredFrom?.UtcTicks ?? long.MinValue;
        CoveredUntilTicks = coverage.CoveredUntil?.UtcTicks ?? long.MaxValue;
        OrphanedFromTicks = coverage.OrphanedFrom?.UtcTicks ?? long.MaxValue;
        OrphanedUntilTicks = coverage.OrphanedUntil?.UtcTicks ?? long.MaxValue;
    }

    public bool IsOrphanedAt(DateTimeOffset at) => OrphanedFromTicks <= at.UtcTicks && at.UtcTicks < OrphanedUntilTicks;

    public bool IsChurnedAt(DateTimeOffset at) => ChurnedAtTicks <= at.UtcTicks;

    /// <summary>Whether the target held the account at <paramref name="at"/> (ownership is effective-dated in event time).</summary>
    public bool IsCoveredAt(DateTimeOffset at) => at.UtcTicks >= CoveredFromTicks && at.UtcTicks < CoveredUntilTicks;

    /// <summary>Weekly demand hours as of <paramref name="at"/>: the call pattern plus what was open then.</summary>
    public double DemandHoursAt(DateTimeOffset at, WorkloadOptions options) => IsChurnedAt(at)
        ? 0
        : BaseDemandHoursPerWeek
            + (LeadsOpenAt(at) * options.HoursPerOpenLeadPerWeek)
            + (OpenAt(Opportunities.Span, at.UtcTicks) * options.HoursPerOpenOpportunityPerWeek);

    public int LeadsOpenAt(DateTimeOffset at) => OpenAt(Leads.Span, at.UtcTicks);

    public int LeadsWaitingAt(DateTimeOffset at, DateTimeOffset deadline)
    {
        var waiting = 0;
        foreach (var lead in Leads.Span)
        {
            waiting += lead.IsWaitingAt(at.UtcTicks, deadline.UtcTicks) ? 1 : 0;
        }

        return waiting;
    }

    /// <summary>Open opportunities at <paramref name="at"/> and the value they hold.</summary>
    public (int Count, double Pipeline) OpportunitiesOpenAt(DateTimeOffset at)
    {
        var count = 0;
        var pipeline = 0.0;
        foreach (var opportunity in Opportunities.Span)
        {
            if (opportunity.IsOpenAt(at.UtcTicks))
            {
                count++;
                pipeline += opportunity.Amount;
            }
        }

        return (count, pipeline);
    }

    /// <summary>Qualifying touches in the days (<paramref name="fromDay"/>, <paramref name="toDay"/>].</summary>
    public int TouchesBetween(int fromDay, int toDay)
    {
        // In day order, and the window is the latest of them: walked from the end, stopping before the window.
        var total = 0;
        var days = TouchDays.Span;
        for (var i = days.Length - 1; i >= 0 && days[i].Day > fromDay; i--)
        {
            total += days[i].Day <= toDay ? days[i].Touches : 0;
        }

        return total;
    }

    private static int OpenAt(ReadOnlySpan<HeldSpan> spans, long ticks)
    {
        var open = 0;
        foreach (var span in spans)
        {
            open += span.IsOpenAt(ticks) ? 1 : 0;
        }

        return open;
    }

    private static void CopySpans(ref HeldList<HeldSpan> held, FunnelSpan[] spans)
    {
        var copies = held.Resize(spans.Length);
        for (var i = 0; i < spans.Length; i++)
        {
            copies[i] = HeldSpan.Of(spans[i]);
        }
    }
}
