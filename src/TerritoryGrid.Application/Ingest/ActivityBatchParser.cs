using System.Globalization;
using System.Text.Json;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Application.Ingest;

/// <summary>
/// Reads a posted batch event by event, so one bad event (a wrong type, an unparseable time, a missing field) is
/// refused with its index and reason while every valid event of the batch is kept.
/// </summary>
public static class ActivityBatchParser
{
    private static readonly Dictionary<string, ActivityKind> Kinds =
        Enum.GetValues<ActivityKind>().ToDictionary(k => k.ToString(), k => k, StringComparer.OrdinalIgnoreCase);

    /// <summary>Parses <paramref name="events"/> (a JSON array). Throws <see cref="FormatException"/> if it is not an array.</summary>
    public static ParsedBatch Parse(JsonElement events, DateTimeOffset now, IngestOptions options)
    {
        if (events.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"'events' must be an array of activity events, not {Describe(events.ValueKind)}");
        }

        var count = events.GetArrayLength();
        if (count > options.MaxBatchSize)
        {
            throw new FormatException($"a batch may hold at most {options.MaxBatchSize} events; this one has {count}");
        }

        var valid = new List<IndexedEvent>(count);
        var rejected = new List<RejectedEvent>();
        var accountOfId = new Dictionary<string, (string Account, int Index)>(count, StringComparer.Ordinal);
        var index = 0;
        foreach (var element in events.EnumerateArray())
        {
            var (parsed, error) = Read(element);
            var reason = error ?? ActivityEventRules.Check(parsed!, now, options);
            if (reason is null && accountOfId.TryGetValue(parsed!.Id, out var first) && first.Account != parsed.AccountId)
            {
                reason = $"event id '{parsed.Id}' is also used at index {first.Index} for account '{first.Account}'";
            }

            if (reason is null)
            {
                accountOfId.TryAdd(parsed!.Id, (parsed.AccountId, index));
                valid.Add(new IndexedEvent(index, parsed));
            }
            else
            {
                rejected.Add(new RejectedEvent(index, IdOf(element), reason));
            }

            index++;
        }

        return new ParsedBatch(valid, rejected, count);
    }

    private static (ActivityEvent? Event, string? Error) Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return (null, $"an event must be a JSON object, not {Describe(e.ValueKind)}");
        }

        var fields = EventFields.Of(e);
        try
        {
            var kindText = String(fields.Kind, "kind", required: true)!;
            if (!Kinds.TryGetValue(kindText, out var kind))
            {
                return (null, $"kind '{kindText}' is not one of {string.Join(", ", Kinds.Values.Select(ActivityEventRules.Name))}");
            }

            return (new ActivityEvent(
                String(fields.Id, "id", required: true)!,
                kind,
                Time(fields.OccurredAt, "occurredAt"),
                String(fields.AccountId, "accountId", required: true)!,
                String(fields.RepId, "repId", required: false),
                Number(fields.Amount, "amount"),
                Number(fields.Cost, "cost"),
                Number(fields.DurationMinutes, "durationMinutes"),
                Number(fields.TravelMinutes, "travelMinutes"),
                String(fields.ReferenceId, "referenceId", required: false),
                String(fields.Product, "product", required: false),
                Integer(fields.Score, "score"),
                IsPresent(fields.Quantity) ? Number(fields.Quantity, "quantity") : null), null);
        }
        catch (FormatException problem)
        {
            return (null, problem.Message);
        }
    }

    /// <summary>Absent (never seen) or JSON null: both mean "not given".</summary>
    private static bool IsPresent(JsonElement value) => value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);

    private static string? String(JsonElement value, string name, bool required)
    {
        if (!IsPresent(value))
        {
            return required ? throw new FormatException($"{name} is required") : null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"{name} must be a string, not {Describe(value.ValueKind)}");
    }

    private static DateTimeOffset Time(JsonElement value, string name)
    {
        // ISO 8601 with an explicit offset is read straight from the UTF-8 bytes; anything else (no offset means UTC,
        // not the server's local time) goes through the general parser.
        if (value.ValueKind == JsonValueKind.String && HasExplicitOffset(value) && value.TryGetDateTimeOffset(out var iso))
        {
            return iso;
        }

        var text = String(value, name, required: true)!;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new FormatException($"{name} '{Truncate(text)}' is not an ISO 8601 date and time (e.g. 2026-11-23T09:30:00Z)");
    }

    private static bool HasExplicitOffset(JsonElement value)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value);
        var text = raw.Length >= 2 ? raw[1..^1] : raw;
        return text.Length > 6 && (text[^1] is (byte)'Z' or (byte)'z' || (text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':'));
    }

    private static double Number(JsonElement value, string name)
    {
        if (!IsPresent(value))
        {
            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw new FormatException($"{name} must be a number, not {Describe(value.ValueKind)}");
        }

        var number = value.GetDouble();
        return double.IsFinite(number) ? number : throw new FormatException($"{name} is out of range");
    }

    private static int? Integer(JsonElement value, string name)
    {
        if (!IsPresent(value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new FormatException($"{name} must be a whole number");
    }

    private static string? IdOf(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
            ? Truncate(id.GetString()!)
            : null;

    private static string Truncate(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "…");

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
