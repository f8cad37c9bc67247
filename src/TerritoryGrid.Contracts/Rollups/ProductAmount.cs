namespace TerritoryGrid.Contracts.Rollups;

/// <summary>Revenue of one product.</summary>
[GenerateSerializer, Immutable, Alias("tg.ProductAmount")]
public readonly record struct ProductAmount([property: Id(0)] string Product, [property: Id(1)] double Amount);
