namespace TerritoryGrid.Domain.Company;

/// <summary>
/// When a change of alignment takes effect: always at the start of a day (00:00 UTC), so every event-time day — and
/// its totals in the daily snapshots — belongs wholly to one territory and one owner.
/// </summary>
public static class EffectiveTime
{
    public static bool IsStartOfDay(DateTimeOffset at) => at.UtcTicks % TimeSpan.TicksPerDay == 0;
}
