namespace TerritoryGrid.Contracts.Roster;

/// <summary>A rep's weekly capacity hours in a territory from <see cref="EffectiveAt"/> on (a new rep joins the territory with the first).</summary>
[GenerateSerializer, Immutable, Alias("tg.CapacityChange")]
public sealed record CapacityChange(
    [property: Id(0)] string RepId,
    [property: Id(1)] string RepName,
    [property: Id(2)] DateTimeOffset EffectiveAt,
    [property: Id(3)] double CapacityHoursPerWeek);
