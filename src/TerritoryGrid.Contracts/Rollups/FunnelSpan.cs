namespace TerritoryGrid.Contracts.Rollups;

/// <summary>
/// The life of one lead or opportunity in event time: opened, first touched after opening (leads), closed
/// (qualified, won or lost), and its value (opportunities). A territory's or rep's book keeps it as a <c>HeldSpan</c> to count what was open, and which leads waited, at any past instant.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.FunnelSpan")]
public readonly record struct FunnelSpan(
    [property: Id(0)] DateTimeOffset Opened,
    [property: Id(1)] DateTimeOffset? Touched,
    [property: Id(2)] DateTimeOffset? Closed,
    [property: Id(3)] double Amount = 0);
