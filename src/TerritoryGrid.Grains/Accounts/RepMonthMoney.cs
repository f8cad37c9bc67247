namespace TerritoryGrid.Grains.Accounts;

/// <summary>What one rep's events (<see cref="RepId"/> null: events naming no rep) booked on an account in one calendar month.</summary>
[GenerateSerializer, Alias("tg.RepMonthMoney")]
internal record struct RepMonthMoney(
    [property: Id(0)] string? RepId,
    [property: Id(1)] int Month,
    [property: Id(2)] double WonValue,
    [property: Id(3)] double Revenue);
