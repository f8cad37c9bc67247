namespace TerritoryGrid.Contracts.Roster;

/// <summary>
/// From <see cref="EffectiveAt"/> (event time) on, a rep works at <see cref="Availability"/> of full selling hours:
/// 0 on leave or after leaving, a step of a new hire's ramp, 1 back at work.
/// </summary>
[GenerateSerializer, Immutable, Alias("tg.AvailabilityChange")]
public sealed record AvailabilityChange(
    [property: Id(0)] string RepId,
    [property: Id(1)] DateTimeOffset EffectiveAt,
    [property: Id(2)] double Availability);
