namespace TerritoryGrid.Contracts.Rollups;

/// <summary>What the events of one calendar month (<see cref="Month"/>: year × 12 + month − 1) booked: won value and revenue.</summary>
[GenerateSerializer, Immutable, Alias("tg.MonthMoney")]
public readonly record struct MonthMoney(
    [property: Id(0)] int Month,
    [property: Id(1)] double WonValue,
    [property: Id(2)] double Revenue);
