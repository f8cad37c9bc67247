namespace TerritoryGrid.Contracts.Rollups;

/// <summary>What the events of one event-time day (<see cref="Day"/>: days since 0001-01-01) added to an account's totals.</summary>
[GenerateSerializer, Immutable, Alias("tg.DayTotals")]
public readonly record struct DayTotals(
    [property: Id(0)] int Day,
    [property: Id(1)] ActivityTotals Totals);
