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
    [Id(5)] public HeldList<int> TouchDays;
    [Id(6)] public HeldList<int> TouchCounts;
    [Id(7)] public double BaseDemandHoursPerWeek;
    [Id(8)] public HeldList<FunnelSpan> Leads;
    [Id(9)] public HeldList<FunnelSpan> Opportunities;
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
        TouchDays.Overwrite(coverage.TouchDays);
        TouchCounts.Overwrite(coverage.TouchCounts);
        BaseDemandHoursPerWeek = coverage.BaseDemandHoursPerWeek;
        Leads.Overwrite(coverage.Leads);
        Opportunities.Overwrite(coverage.Opportunities);
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
            + (CoverageCounts.OpenAt(Leads.Span, at) * options.HoursPerOpenLeadPerWeek)
            + (CoverageCounts.OpenAt(Opportunities.Span, at) * options.HoursPerOpenOpportunityPerWeek);

    public int LeadsWaitingAt(DateTimeOffset at, DateTimeOffset deadline) => CoverageCounts.WaitingAt(Leads.Span, at, deadline);

    /// <summary>Qualifying touches in the days (<paramref name="fromDay"/>, <paramref name="toDay"/>].</summary>
    public int TouchesBetween(int fromDay, int toDay) => CoverageCounts.TouchesBetween(TouchDays.Span, TouchCounts.Span, fromDay, toDay);
}
