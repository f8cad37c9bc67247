using TerritoryGrid.Contracts.Commercial;

namespace TerritoryGrid.Application.Commercial;

/// <summary>A workspace's product catalogue, prices in <paramref name="Currency"/>.</summary>
public sealed record ProductList(string Workspace, string Currency, IReadOnlyList<CatalogueProduct> Products);
