using TerritoryGrid.Domain.Accounts;

namespace TerritoryGrid.Contracts.Rollups;

/// <summary>
/// What an account asks of its owner and territory: weekly demand hours, its call pattern, and its qualifying touches
/// by event-time day (<see cref="TouchDays"/> are day numbers since 0001-01-01, <see cref="TouchCounts"/> the
/// touches that day), so that adherence can be computed at any watermark inside the retained window.
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
    [property: Id(9)] DateTimeOffset? OldestUntouchedLeadAt)
{
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
