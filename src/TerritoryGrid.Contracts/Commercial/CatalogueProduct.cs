namespace TerritoryGrid.Contracts.Commercial;

/// <summary>A product of the workspace's catalogue: orders name it by id or name, and revenue is booked under its name.</summary>
[GenerateSerializer, Immutable, Alias("tg.CatalogueProduct")]
public sealed record CatalogueProduct(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] double Price,
    [property: Id(3)] string? Family = null);
