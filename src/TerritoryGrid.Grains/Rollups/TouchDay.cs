namespace TerritoryGrid.Grains.Rollups;

/// <summary>An account's qualifying touches on one event-time day (days since 0001-01-01), as a book keeps them.</summary>
[GenerateSerializer, Alias("tg.TouchDay")]
internal readonly record struct TouchDay([property: Id(0)] int Day, [property: Id(1)] int Touches);
