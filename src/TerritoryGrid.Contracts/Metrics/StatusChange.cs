using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Contracts.Metrics;

/// <summary>A territory's status changing at an event-time day boundary, with the reason.</summary>
[GenerateSerializer, Immutable, Alias("tg.StatusChange")]
public sealed record StatusChange(
    [property: Id(0)] string TerritoryId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ServiceStatus From,
    [property: Id(3)] ServiceStatus To,
    [property: Id(4)] string Reason);
