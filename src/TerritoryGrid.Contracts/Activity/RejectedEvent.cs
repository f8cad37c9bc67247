namespace TerritoryGrid.Contracts.Activity;

/// <summary>An event that was not applied: its position in the posted batch, its id when it had one, and why.</summary>
[GenerateSerializer, Immutable, Alias("tg.RejectedEvent")]
public sealed record RejectedEvent(
    [property: Id(0)] int Index,
    [property: Id(1)] string? EventId,
    [property: Id(2)] string Reason);
