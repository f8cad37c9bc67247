using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>
/// A book's copy of a <see cref="FunnelSpan"/>: its instants as UTC ticks, "not yet" as the largest (32 bytes instead
/// of 72, in two books per account).
/// </summary>
[GenerateSerializer, Alias("tg.HeldSpan")]
internal readonly record struct HeldSpan(
    [property: Id(0)] long OpenedTicks,
    [property: Id(1)] long TouchedTicks,
    [property: Id(2)] long ClosedTicks,
    [property: Id(3)] double Amount)
{
    public static HeldSpan Of(in FunnelSpan span) =>
        new(span.Opened.UtcTicks, span.Touched?.UtcTicks ?? long.MaxValue, span.Closed?.UtcTicks ?? long.MaxValue, span.Amount);

    public bool IsOpenAt(long ticks) => OpenedTicks <= ticks && ClosedTicks > ticks;

    /// <summary>A lead opened before <paramref name="deadlineTicks"/> and neither touched nor closed by <paramref name="ticks"/>.</summary>
    public bool IsWaitingAt(long ticks, long deadlineTicks) => OpenedTicks < deadlineTicks && IsOpenAt(ticks) && TouchedTicks > ticks;
}
