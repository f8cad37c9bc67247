using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Grains.Territories;

/// <summary>
/// A territory's figures at a day boundary <see cref="At"/> (the end of the day before), recorded when its watermark
/// closes that day: what an "as of" read returns. Products and reps are not kept, to keep years of days small.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.TerritorySnapshot")]
internal sealed record TerritorySnapshot(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] ServiceStatus Status,
    [property: Id(2)] string StatusReason,
    [property: Id(3)] DateTimeOffset? StatusSince,
    [property: Id(4)] double DemandHours,
    [property: Id(5)] double CapacityHours,
    [property: Id(6)] double Adherence,
    [property: Id(7)] int LeadsWaitingPastTarget,
    [property: Id(8)] int RepCount,
    [property: Id(9)] int AccountsReporting,
    [property: Id(10)] ActivityTotals Totals,
    [property: Id(11)] double RevenuePotential,
    [property: Id(12)] double RevenueAtRisk);
