using TerritoryGrid.Contracts.Commercial;

namespace TerritoryGrid.Application.Commercial;

/// <summary>A workspace's products, found by id or by name (case-insensitive): what an order may name.</summary>
public sealed class ProductCatalogue
{
    private readonly Dictionary<string, CatalogueProduct> byIdOrName = new(StringComparer.OrdinalIgnoreCase);

    public ProductCatalogue(IReadOnlyList<CatalogueProduct> products)
    {
        Products = products;
        foreach (var product in products)
        {
            byIdOrName.TryAdd(product.Id, product);
        }

        foreach (var product in products)
        {
            byIdOrName.TryAdd(product.Name, product);
        }
    }

    public IReadOnlyList<CatalogueProduct> Products { get; }

    /// <summary>No catalogue was imported: any product name is accepted as it is.</summary>
    public bool IsEmpty => Products.Count == 0;

    public CatalogueProduct? Find(string? text) => text is null ? null : byIdOrName.GetValueOrDefault(text.Trim());
}
