using System.Globalization;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Commercial;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// Checks a catalogue: every product an id (as event text: at most 128 characters, no control characters), a name
/// (the id when none), a price from 0 to 1e12, and ids and names that name one product only (orders may use either).
/// </summary>
public static class ProductRules
{
    public const double MaxPrice = 1e12;

    public static CatalogueProduct[] Check(IReadOnlyList<ProductInput> inputs, List<ValidationError> errors)
    {
        var products = new List<CatalogueProduct>(inputs.Count);
        var firstOf = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var input in inputs)
        {
            var count = errors.Count;
            void Fail(string field, string message) => errors.Add(new ValidationError(input.Entity, input.Where, input.Columns.GetValueOrDefault(field, field), message));

            var id = input.Id?.Trim();
            var name = input.Name?.Trim() is { Length: > 0 } given ? given : id;
            CheckText(Fail, "productId", id, required: true);
            CheckText(Fail, "name", name, required: false);
            CheckText(Fail, "family", input.Family, required: false);
            var unreadable = input.Price is double.NaN;
            if (input.Price is not { } price)
            {
                Fail("price", "is required");
            }
            else if (!unreadable && price < 0)
            {
                Fail("price", string.Create(CultureInfo.InvariantCulture, $"must not be negative (got {price})"));
            }
            else if (!unreadable && price > MaxPrice)
            {
                Fail("price", $"must be at most {MaxPrice:0e0}");
            }

            if (errors.Count > count || unreadable)
            {
                continue;
            }

            // An order names a product by id or name: one text must not find two products.
            var clash = false;
            foreach (var (text, field) in new[] { (id!, "productId"), (name!, "name") }.DistinctBy(t => t.Item1.ToUpperInvariant()))
            {
                if (!firstOf.TryAdd(text, input.Where))
                {
                    Fail(field, $"'{text}' already names the product on {firstOf[text]}: ids and names must each find one product");
                    clash = true;
                }
            }

            if (!clash)
            {
                products.Add(new CatalogueProduct(id!, name!, input.Price!.Value, input.Family?.Trim() is { Length: > 0 } family ? family : null));
            }
        }

        return [.. products];
    }

    private static void CheckText(Action<string, string> fail, string field, string? text, bool required)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                fail(field, "is required");
            }
        }
        else if (text.Length > ActivityEventRules.MaxTextLength || ActivityEventRules.HasControlCharacters(text))
        {
            fail(field, $"must be at most {ActivityEventRules.MaxTextLength} characters without control characters");
        }
    }
}
