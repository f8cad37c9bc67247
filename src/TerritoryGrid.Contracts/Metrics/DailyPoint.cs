using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Contracts.Metrics;

/// <summary>A territory's figures at one event-time day boundary: the points of its time series. Coverage is null with no demand.</summary>
[GenerateSerializer, Immutable, Alias("tg.DailyPoint")]
public sealed record DailyPoint(
    [property: Id(0)] DateTimeOffset Day,
    [property: Id(1)] ServiceStatus Status,
    [property: Id(2)] double? Coverage,
    [property: Id(3)] double Adherence,
    [property: Id(4)] double DemandHours,
    [property: Id(5)] double CapacityHours,
    [property: Id(6)] double Revenue,
    [property: Id(7)] double NetProfit,
    [property: Id(8)] int Leads,
    [property: Id(9)] int Opportunities,
    [property: Id(10)] int Wins);
