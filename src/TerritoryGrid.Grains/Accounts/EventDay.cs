namespace TerritoryGrid.Grains.Accounts;

/// <summary>Event-time days as whole numbers (days since 0001-01-01 UTC), the unit of the rolling windows.</summary>
internal static class EventDay
{
    public static int Of(DateTimeOffset time) => (int)(time.UtcTicks / TimeSpan.TicksPerDay);

    public static DateTimeOffset Start(int day) => new(day * TimeSpan.TicksPerDay, TimeSpan.Zero);
}
