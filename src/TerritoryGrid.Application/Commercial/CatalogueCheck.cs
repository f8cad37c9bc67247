using System.Globalization;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// Orders against the workspace's catalogue, before anything is logged: an order naming a product the catalogue does
/// not have is refused with the name; a known product is booked under its catalogue name (so "widget" and "WID-1"
/// add up to one product); an order with a quantity and no amount is priced at the catalogue's price.
/// </summary>
public static class CatalogueCheck
{
    /// <summary>The batch with orders checked and priced; the same batch, unchanged, when no order needs either.</summary>
    public static ParsedBatch Apply(ParsedBatch batch, ProductCatalogue catalogue, double maxAmount)
    {
        List<IndexedEvent>? valid = null;
        List<RejectedEvent>? rejected = null;
        for (var i = 0; i < batch.Valid.Count; i++)
        {
            var item = batch.Valid[i];
            var e = item.Event;
            if (e.Kind != ActivityKind.Order || (catalogue.IsEmpty && e.Quantity is null))
            {
                valid?.Add(item);
                continue;
            }

            var (checkedEvent, reason) = Check(e, catalogue, maxAmount);
            if (valid is null && (reason is not null || !ReferenceEquals(checkedEvent, e)))
            {
                valid = [.. batch.Valid.Take(i)];
                rejected = [.. batch.Rejected];
            }

            if (reason is not null)
            {
                rejected!.Add(new RejectedEvent(item.Index, e.Id, reason));
            }
            else
            {
                valid?.Add(item with { Event = checkedEvent! });
            }
        }

        return valid is null ? batch : new ParsedBatch(valid, rejected!, batch.Count);
    }

    private static (ActivityEvent? Event, string? Reason) Check(ActivityEvent e, ProductCatalogue catalogue, double maxAmount)
    {
        var product = catalogue.Find(e.Product);
        if (product is null && !string.IsNullOrEmpty(e.Product) && !catalogue.IsEmpty)
        {
            return (null, $"product '{e.Product}' is not in the workspace's catalogue of {catalogue.Products.Count} products (by id or name)");
        }

        var priced = e;
        if (product is not null && e.Product != product.Name)
        {
            priced = priced with { Product = product.Name };
        }

        if (e.Quantity is { } quantity && e.Amount == 0)
        {
            if (product is null)
            {
                return (null, string.Create(CultureInfo.InvariantCulture,
                    $"quantity {quantity} cannot be priced: the order has no amount and names no product of the catalogue"));
            }

            var amount = quantity * product.Price;
            if (amount > maxAmount)
            {
                return (null, string.Create(CultureInfo.InvariantCulture,
                    $"quantity {quantity} × price {product.Price} of '{product.Name}' = {amount} exceeds the maximum amount of {maxAmount}"));
            }

            priced = priced with { Amount = amount };
        }

        return (priced, null);
    }
}
