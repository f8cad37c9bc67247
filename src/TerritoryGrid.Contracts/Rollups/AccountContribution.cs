namespace TerritoryGrid.Contracts.Rollups;

/// <summary>
/// An account's whole current contribution to one rep or territory, numbered by a per-account sequence. A target
/// keeps the latest per account and ignores any with a sequence it has already passed, so a contribution re-sent
/// after a crash or timeout is never applied twice. <see cref="Coverage"/> is null for a rep who worked the
/// account without owning it. <see cref="EarliestChangeAt"/> is the earliest event time this contribution (and any it
/// superseded on the way) changed: a territory revises its daily status history from that day on.
/// <see cref="TotalsByDay"/> (to territories only) splits the totals of the account's retained days by event day, so a
/// territory can take the totals at the end of a past day; null from a silo of an earlier version.
/// <see cref="MoneyByMonth"/>: won value and revenue by calendar month (the account's, or the rep's own), for
/// fiscal periods; null when none.
/// <see cref="DaysFrom"/>, when set, says <see cref="TotalsByDay"/> holds only the days from that day on (those a batch
/// of events changed): the target keeps the earlier days it has, down to <see cref="OldestDay"/>, the account's oldest
/// retained day. An account active for weeks holds up to 63 days; sending them all after every batch made them the
/// largest allocation of a simulated season. Null: the days are all of them.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.AccountContribution")]
public sealed record AccountContribution(
    [property: Id(0)] string AccountId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] ActivityTotals Totals,
    [property: Id(3)] ProductAmount[] RevenueByProduct,
    [property: Id(4)] AccountCoverage? Coverage,
    [property: Id(5)] DateTimeOffset? LatestEventAt,
    [property: Id(6)] DateTimeOffset? LastContactAt,
    [property: Id(7)] DateTimeOffset? EarliestChangeAt = null,
    [property: Id(8)] DayTotals[]? TotalsByDay = null,
    [property: Id(9)] MonthMoney[]? MoneyByMonth = null,
    [property: Id(10)] int? DaysFrom = null,
    [property: Id(11)] int? OldestDay = null);
