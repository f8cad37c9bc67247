using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Server.Tests.Hostile;

/// <summary>Properties of the ingest parser over generated batches (FsCheck; a failure shrinks to a smallest batch).</summary>
public sealed class ParserProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Kinds = ["email", "call", "video", "visit", "order", "cost"];

    private static Gen<string> Identifier => Gen.Elements("abcdefghijklmnopqrstuvwxyz0123456789-_".ToCharArray())
        .ArrayOf().Where(a => a.Length is > 0 and <= 40).Select(a => new string(a));

    private static Gen<JsonObject> ValidEvent =>
        from id in Identifier
        from kind in Gen.Elements(Kinds)
        from minutesAgo in Gen.Choose(60, 60 * 24 * 365)
        from account in Identifier
        from cents in Gen.Choose(0, 100_000_000)
        select new JsonObject
        {
            ["id"] = id, ["kind"] = kind, ["occurredAt"] = Now.AddMinutes(-minutesAgo).ToString("O"), ["accountId"] = account,
            ["amount"] = kind is "order" or "cost" ? cents / 100.0 : 0,
        };

    [Property(MaxTest = 300)]
    public Property ValidEvents_AreReadBackFieldForField()
    {
        return Prop.ForAll(Arb.From(ValidEvent), json =>
        {
            var batch = ActivityBatchParser.Parse(JsonDocument.Parse(new JsonArray(json).ToJsonString()).RootElement, Now, new IngestOptions());
            var parsed = batch.Valid.Single().Event;
            return parsed.Id == (string)json["id"]!
                && parsed.Kind.ToString().Equals((string)json["kind"]!, StringComparison.OrdinalIgnoreCase)
                && parsed.OccurredAt == DateTimeOffset.Parse((string)json["occurredAt"]!, System.Globalization.CultureInfo.InvariantCulture)
                && parsed.AccountId == (string)json["accountId"]!
                && parsed.Amount == (double)json["amount"]!;
        });
    }

    [Property(MaxTest = 300)]
    public Property AnyArrayOfValues_IsSplitIntoValidAndRefused_WithoutThrowing(string[] keys, string[] texts, int[] numbers)
    {
        // Objects with random keys and values, some with the real field names, and bare values.
        var fields = (keys ?? []).Concat(["id", "kind", "occurredAt", "accountId", "amount"]).Where(k => k is not null).ToArray();
        var values = (texts ?? []).Where(t => t is not null).Select(t => (JsonNode?)JsonValue.Create(t))
            .Concat((numbers ?? []).Select(n => (JsonNode?)JsonValue.Create(n))).Append(null).ToArray();
        var gen = Gen.Choose(0, 20).SelectMany(size => Gen.Choose(0, 1_000_000).ArrayOf(size), (_, seeds) => seeds);
        return Prop.ForAll(Arb.From(gen), seeds =>
        {
            var batch = new JsonArray();
            foreach (var seed in seeds)
            {
                if (seed % 5 == 0)
                {
                    batch.Add(values[seed % values.Length]?.DeepClone());
                    continue;
                }

                var element = new JsonObject();
                for (var f = 0; f < seed % 7; f++)
                {
                    element[fields[(seed / (f + 1)) % fields.Length]] = values[(seed / (f + 3)) % values.Length]?.DeepClone();
                }

                batch.Add(element);
            }

            var parsed = ActivityBatchParser.Parse(JsonDocument.Parse(batch.ToJsonString()).RootElement, Now, new IngestOptions());
            return parsed.Valid.Count + parsed.Rejected.Count == parsed.Count
                && parsed.Rejected.All(r => !string.IsNullOrWhiteSpace(r.Reason));
        });
    }
}
