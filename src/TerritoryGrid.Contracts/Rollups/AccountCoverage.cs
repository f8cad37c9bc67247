using TerritoryGrid.Domain.Accounts;

namespace TerritoryGrid.Contracts.Rollups;

/// <summary>
/// What an account asks of its owner and territory: weekly demand hours now, its call pattern, its qualifying
/// touches by event-time day (<see cref="TouchDays"/> are day numbers since 0001-01-01, <see cref="TouchCounts"/>
/// the touches that day), and the spans of its leads and opportunities, so that demand, adherence and waiting
/// leads can be computed as of any instant inside the retained window, whatever order contributions arrive in.
/// The account is orphaned (its owner left, nobody took it over) in [<see cref="OrphanedFrom"/>,
/// <see cref="OrphanedUntil"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.AccountCoverage")]
public sealed record AccountCoverage(
    [property: Id(0)] Segment Segment,
    [property: Id(1)] FunnelStage Stage,
    [property: Id(2)] double DemandHoursPerWeek,
    [property: Id(3)] double RevenuePotential,
    [property: Id(4)] double AnnualRevenue,
    [property: Id(5)] int TouchesPer4Weeks,
    [property: Id(6)] int PlanStartDay,
    [property: Id(7)] int[] TouchDays,
    [property: Id(8)] int[] TouchCounts,
    [property: Id(9)] double BaseDemandHoursPerWeek,
    [property: Id(10)] FunnelSpan[] Leads,
    [property: Id(11)] FunnelSpan[] Opportunities,
    [property: Id(12)] DateTimeOffset? ChurnedAt,
    [property: Id(13)] DateTimeOffset? CoveredFrom = null,
    [property: Id(14)] DateTimeOffset? CoveredUntil = null,
    [property: Id(15)] DateTimeOffset? OrphanedFrom = null,
    [property: Id(16)] DateTimeOffset? OrphanedUntil = null)
{
    public bool IsChurnedAt(DateTimeOffset at) => ChurnedAt <= at;

    /// <summary>
    /// Whether the target held the account at <paramref name="at"/>: ownership is effective-dated in event time, so a
    /// territory (or owner) counts a moved account's demand and call plan only inside [<see cref="CoveredFrom"/>,
    /// <see cref="CoveredUntil"/>).
    /// </summary>
    public bool IsCoveredAt(DateTimeOffset at) => (CoveredFrom is null || at >= CoveredFrom) && (CoveredUntil is null || at < CoveredUntil);

    /// <summary>False for a former owner's or territory's record of the account: it counts in history, not in today's figures.</summary>
    public bool IsCurrent => CoveredUntil is null;

    /// <summary>Qualifying touches in the days (<paramref name="fromDay"/>, <paramref name="toDay"/>].</summary>
    public int TouchesBetween(int fromDay, int toDay)
    {
        var total = 0;
        for (var i = 0; i < TouchDays.Length; i++)
        {
            if (TouchDays[i] > fromDay && TouchDays[i] <= toDay)
            {
                total += TouchCounts[i];
            }
        }

        return total;
    }
}
