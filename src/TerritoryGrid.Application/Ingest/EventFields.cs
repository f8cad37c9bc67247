using System.Text.Json;

namespace TerritoryGrid.Application.Ingest;

/// <summary>
/// The properties of one posted event, found in one pass over its object: looking each name up instead scans the
/// object once per name (thirteen times an event). A name given twice keeps its last value, as a lookup would;
/// names are matched exactly (case-sensitive); others are ignored.
/// </summary>
internal struct EventFields
{
    public JsonElement Kind, Id, OccurredAt, AccountId, RepId, Amount, Cost, DurationMinutes, TravelMinutes, ReferenceId,
        Product, Score, Quantity;

    public static EventFields Of(JsonElement e)
    {
        var fields = default(EventFields);
        foreach (var property in e.EnumerateObject())
        {
            var value = property.Value;
            if (property.NameEquals("kind"u8)) fields.Kind = value;
            else if (property.NameEquals("id"u8)) fields.Id = value;
            else if (property.NameEquals("occurredAt"u8)) fields.OccurredAt = value;
            else if (property.NameEquals("accountId"u8)) fields.AccountId = value;
            else if (property.NameEquals("repId"u8)) fields.RepId = value;
            else if (property.NameEquals("amount"u8)) fields.Amount = value;
            else if (property.NameEquals("cost"u8)) fields.Cost = value;
            else if (property.NameEquals("durationMinutes"u8)) fields.DurationMinutes = value;
            else if (property.NameEquals("travelMinutes"u8)) fields.TravelMinutes = value;
            else if (property.NameEquals("referenceId"u8)) fields.ReferenceId = value;
            else if (property.NameEquals("product"u8)) fields.Product = value;
            else if (property.NameEquals("score"u8)) fields.Score = value;
            else if (property.NameEquals("quantity"u8)) fields.Quantity = value;
        }

        return fields;
    }
}
