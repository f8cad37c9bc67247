using System.Diagnostics;

namespace TerritoryGrid.Application.Rebuilds;

/// <summary>
/// How far in event time territories may close days during a replay: the latest time reached by chunks applied at
/// least <paramref name="settle"/> ago. Accounts' contributions reach territories a roll-up flush after the accounts
/// applied them; a day closed before they land would be computed without them, and days further back than the
/// revision margin are never revised.
/// </summary>
internal sealed class ReplayHorizon(TimeSpan settle)
{
    private readonly Queue<(DateTimeOffset Horizon, long AppliedAt)> pending = new();
    private DateTimeOffset? settled;

    public void Reached(DateTimeOffset horizon) => pending.Enqueue((horizon, Stopwatch.GetTimestamp()));

    /// <summary>The newly settled horizon, or null when it has not moved.</summary>
    public DateTimeOffset? TakeSettled()
    {
        DateTimeOffset? moved = null;
        while (pending.TryPeek(out var next) && Stopwatch.GetElapsedTime(next.AppliedAt) >= settle)
        {
            pending.Dequeue();
            if (settled is null || next.Horizon > settled)
            {
                settled = moved = next.Horizon;
            }
        }

        return moved;
    }
}
