namespace TerritoryGrid.Grains.Accounts;

/// <summary>A remembered event: the hash of its payload (to tell a retry from a conflict) and its event-time day.</summary>
[GenerateSerializer, Alias("tg.SeenEvent")]
internal readonly record struct SeenEvent([property: Id(0)] ulong PayloadHash, [property: Id(1)] int Day);
