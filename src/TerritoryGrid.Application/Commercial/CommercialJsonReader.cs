using System.Text.Json;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// Quotas and products sent as JSON: an array, or an object holding it ({"quotas": […]}, {"products": […]}). Each
/// element is read on its own, so every wrong type is reported with its index and field.
/// </summary>
public static class CommercialJsonReader
{
    private static readonly Dictionary<string, string> QuotaFields = new()
    {
        ["ownerType"] = "ownerType", ["ownerId"] = "ownerId", ["period"] = "period", ["amount"] = "amount",
    };

    private static readonly Dictionary<string, string> ProductFields = new()
    {
        ["productId"] = "id", ["name"] = "name", ["price"] = "price", ["family"] = "family",
    };

    public static List<QuotaInput> Quotas(JsonElement document, List<ValidationError> errors) =>
        Elements(document, "quotas", errors).Select(e => new QuotaInput(
            "quotas", $"#{e.Index}", QuotaFields,
            Text(e, "ownerType", errors), Text(e, "ownerId", errors), Text(e, "period", errors), Number(e, "amount", errors))).ToList();

    public static List<ProductInput> Products(JsonElement document, List<ValidationError> errors) =>
        Elements(document, "products", errors).Select(e => new ProductInput(
            "products", $"#{e.Index}", ProductFields,
            Text(e, "id", errors), Text(e, "name", errors), Number(e, "price", errors), Text(e, "family", errors))).ToList();

    private static List<(string List, int Index, JsonElement Value)> Elements(JsonElement document, string list, List<ValidationError> errors)
    {
        var array = document.ValueKind == JsonValueKind.Object && document.TryGetProperty(list, out var inner) ? inner : document;
        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new ValidationError(list, "", "body", $"send a JSON array of {list}, or an object with a '{list}' array"));
            return [];
        }

        var elements = new List<(string, int, JsonElement)>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                elements.Add((list, index, element));
            }
            else
            {
                errors.Add(new ValidationError(list, $"#{index}", "", "must be a JSON object"));
            }

            index++;
        }

        return elements;
    }

    private static string? Text((string List, int Index, JsonElement Value) e, string field, List<ValidationError> errors)
    {
        if (!e.Value.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(new ValidationError(e.List, $"#{e.Index}", field, $"must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}"));
        return null;
    }

    private static double? Number((string List, int Index, JsonElement Value) e, string field, List<ValidationError> errors)
    {
        if (!e.Value.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        errors.Add(new ValidationError(e.List, $"#{e.Index}", field, "must be a finite number"));
        return double.NaN;
    }
}
