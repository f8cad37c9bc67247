namespace TerritoryGrid.Contracts.Rollups;

/// <summary>
/// The life of one lead or opportunity in event time: opened, first touched after opening (leads), closed
/// (qualified, won or lost), and its value (opportunities). Lets a territory count what was open, and which leads waited, at any past instant.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.FunnelSpan")]
public readonly record struct FunnelSpan(
    [property: Id(0)] DateTimeOffset Opened,
    [property: Id(1)] DateTimeOffset? Touched,
    [property: Id(2)] DateTimeOffset? Closed,
    [property: Id(3)] double Amount = 0)
{
    public bool IsOpenAt(DateTimeOffset at) => Opened <= at && (Closed is null || Closed > at);

    /// <summary>A lead opened before <paramref name="deadline"/> and neither touched nor closed by <paramref name="at"/>.</summary>
    public bool IsWaitingAt(DateTimeOffset at, DateTimeOffset deadline) =>
        Opened < deadline && IsOpenAt(at) && (Touched is null || Touched > at);
}
