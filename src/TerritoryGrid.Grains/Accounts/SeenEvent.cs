namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// A remembered event: the hash of its payload (to tell a retry from a conflict), its event-time day, and its event
/// time in UTC ticks (0 in states written before it was kept: such an event counts as at the start of its day).
/// </summary>
[GenerateSerializer, Alias("tg.SeenEvent")]
internal readonly record struct SeenEvent([property: Id(0)] ulong PayloadHash, [property: Id(1)] int Day, [property: Id(2)] long Ticks)
{
    /// <summary>The event time in UTC ticks, to forget the oldest events first when an account remembers too many.</summary>
    public long At => Ticks != 0 ? Ticks : Day * TimeSpan.TicksPerDay;
}
