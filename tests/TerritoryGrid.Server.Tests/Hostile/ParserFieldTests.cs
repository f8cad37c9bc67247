using System.Text.Json;
using TerritoryGrid.Application.Ingest;

namespace TerritoryGrid.Server.Tests.Hostile;

/// <summary>How the ingest parser finds an event's fields: as JSON lookups would, in one pass over the object.</summary>
public sealed class ParserFieldTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static ParsedBatch Parse(string eventJson) =>
        ActivityBatchParser.Parse(JsonDocument.Parse($"[{eventJson}]").RootElement, Now, new IngestOptions());

    private const string Base = "\"id\":\"e1\",\"kind\":\"order\",\"occurredAt\":\"2026-11-29T09:00:00Z\",\"accountId\":\"a1\"";

    [Fact]
    public void A_field_given_twice_keeps_its_last_value()
    {
        var parsed = Parse($"{{{Base},\"amount\":1,\"amount\":7}}");

        Assert.Equal(7, parsed.Valid.Single().Event.Amount);
    }

    [Fact]
    public void An_escaped_field_name_is_the_field()
    {
        var parsed = Parse($"{{{Base},\"\\u0061mount\":5}}");

        Assert.Equal(5, parsed.Valid.Single().Event.Amount);
    }

    [Fact]
    public void Field_names_are_matched_exactly_and_unknown_ones_ignored()
    {
        var capitalised = Parse($"{{{Base},\"Amount\":5,\"note\":\"ignored\"}}");
        var missingAccount = Parse("{\"id\":\"e2\",\"kind\":\"call\",\"occurredAt\":\"2026-11-29T09:00:00Z\",\"AccountId\":\"a1\"}");

        Assert.Equal(0, capitalised.Valid.Single().Event.Amount);
        Assert.Equal("accountId is required", missingAccount.Rejected.Single().Reason);
        Assert.Equal("e2", missingAccount.Rejected.Single().EventId);
    }

    [Theory]
    [InlineData("", null)]
    [InlineData(",\"quantity\":null", null)]
    [InlineData(",\"quantity\":3", 3.0)]
    public void Quantity_is_absent_when_not_given_or_null(string quantity, double? expected)
    {
        var parsed = Parse($"{{{Base},\"amount\":10{quantity}}}");

        Assert.Equal(expected, parsed.Valid.Single().Event.Quantity);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_refused_by_name_and_the_batch_keeps_the_rest()
    {
        var parsed = ActivityBatchParser.Parse(
            JsonDocument.Parse($"[{{{Base},\"cost\":\"ten\"}},{{{Base.Replace("e1", "e3")}}}]").RootElement, Now, new IngestOptions());

        Assert.Equal("cost must be a number, not a string", parsed.Rejected.Single().Reason);
        Assert.Equal(0, parsed.Rejected.Single().Index);
        Assert.Equal("e3", parsed.Valid.Single().Event.Id);
    }
}
