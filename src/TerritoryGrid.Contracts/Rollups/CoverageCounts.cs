namespace TerritoryGrid.Contracts.Rollups;

/// <summary>
/// Counts over an account's funnel spans and touch days as of an instant: for the contribution an account sends and
/// the copy a territory or rep keeps of it, so both count alike.
/// </summary>
public static class CoverageCounts
{
    public static int OpenAt(ReadOnlySpan<FunnelSpan> spans, DateTimeOffset at)
    {
        var open = 0;
        foreach (var span in spans)
        {
            open += span.IsOpenAt(at) ? 1 : 0;
        }

        return open;
    }

    public static int WaitingAt(ReadOnlySpan<FunnelSpan> leads, DateTimeOffset at, DateTimeOffset deadline)
    {
        var waiting = 0;
        foreach (var lead in leads)
        {
            waiting += lead.IsWaitingAt(at, deadline) ? 1 : 0;
        }

        return waiting;
    }

    /// <summary>Qualifying touches in the days (<paramref name="fromDay"/>, <paramref name="toDay"/>].</summary>
    public static int TouchesBetween(ReadOnlySpan<int> days, ReadOnlySpan<int> counts, int fromDay, int toDay)
    {
        var total = 0;
        for (var i = 0; i < days.Length; i++)
        {
            if (days[i] > fromDay && days[i] <= toDay)
            {
                total += counts[i];
            }
        }

        return total;
    }
}
