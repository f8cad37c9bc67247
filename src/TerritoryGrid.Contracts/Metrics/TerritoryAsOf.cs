namespace TerritoryGrid.Contracts.Metrics;

/// <summary>A territory's figures at the end of a past day, and its status changes up to then.</summary>
[GenerateSerializer, Immutable, Alias("tg.TerritoryAsOf")]
public sealed record TerritoryAsOf(
    [property: Id(0)] TerritoryMetrics Territory,
    [property: Id(1)] StatusChange[] StatusHistory);
