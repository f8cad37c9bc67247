using System.Globalization;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain.Pipeline;

namespace TerritoryGrid.Application.Ingest;

/// <summary>
/// The rules every event must meet before it reaches its account, whichever way it arrived (HTTP JSON or an Orleans
/// client): returns the reason it is refused, or null.
/// </summary>
public static class ActivityEventRules
{
    public const int MaxTextLength = 128;
    public const double MaxMinutes = 24 * 60;

    public static string? Check(ActivityEvent e, DateTimeOffset now, IngestOptions options)
    {
        return CheckText("id", e.Id, required: true)
            ?? CheckText("accountId", e.AccountId, required: true)
            ?? CheckText("repId", e.RepId, required: false)
            ?? CheckText("referenceId", e.ReferenceId, required: false)
            ?? CheckText("product", e.Product, required: false)
            ?? (Enum.IsDefined(e.Kind) ? null : $"kind {(int)e.Kind} is not a known activity kind")
            ?? CheckTime(e.OccurredAt, now, options)
            ?? CheckNumber("amount", e.Amount, options.MaxAmount)
            ?? CheckNumber("cost", e.Cost, options.MaxAmount)
            ?? CheckNumber("durationMinutes", e.DurationMinutes, MaxMinutes)
            ?? CheckNumber("travelMinutes", e.TravelMinutes, MaxMinutes)
            ?? (e.Quantity is { } quantity ? CheckNumber("quantity", quantity, options.MaxAmount) : null)
            ?? CheckKindFields(e);
    }

    private static string? CheckKindFields(ActivityEvent e)
    {
        if (e.Kind is ActivityKind.LeadQualified or ActivityKind.LeadDisqualified or ActivityKind.OpportunityWon or ActivityKind.OpportunityLost
            && string.IsNullOrEmpty(e.ReferenceId))
        {
            return $"referenceId is required for {Name(e.Kind)}: it names the lead or opportunity";
        }

        if (e.Kind.IsCorrection())
        {
            return string.IsNullOrEmpty(e.ReferenceId) ? $"referenceId is required for {Name(e.Kind)}: it names the event corrected"
                : e.ReferenceId == e.Id ? $"a {Name(e.Kind)} cannot correct itself: referenceId names its own id"
                : e.Kind == ActivityKind.Amendment && e.Score is { } amended && !NetPromoterScore.IsValidAnswer(amended)
                    ? "score must be a whole number from 0 to 10"
                : null;
        }

        if (e.Kind == ActivityKind.NpsAnswer)
        {
            return e.Score is { } score && NetPromoterScore.IsValidAnswer(score)
                ? null
                : "score is required for npsAnswer and must be a whole number from 0 to 10";
        }

        if (e.Quantity is not null && e.Kind != ActivityKind.Order)
        {
            return $"quantity applies only to order, not {Name(e.Kind)}";
        }

        return e.Score is not null ? $"score applies only to npsAnswer, not {Name(e.Kind)}" : null;
    }

    private static string? CheckTime(DateTimeOffset occurredAt, DateTimeOffset now, IngestOptions options)
    {
        if (occurredAt > now + options.MaxFutureSkew)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"occurredAt {occurredAt:O} is in the future: more than {options.MaxFutureSkew} after the server's clock ({now:O})");
        }

        return occurredAt < options.EarliestEventTime
            ? string.Create(CultureInfo.InvariantCulture, $"occurredAt {occurredAt:O} is before {options.EarliestEventTime:O}, the earliest accepted event time")
            : null;
    }

    private static string? CheckNumber(string field, double value, double max) =>
        !double.IsFinite(value) ? $"{field} must be a finite number"
        : value < 0 ? string.Create(CultureInfo.InvariantCulture, $"{field} must not be negative (got {value})")
        : value > max ? string.Create(CultureInfo.InvariantCulture, $"{field} {value} exceeds the maximum of {max}")
        : null;

    private static string? CheckText(string field, string? value, bool required)
    {
        if (string.IsNullOrEmpty(value))
        {
            return required ? $"{field} is required" : null;
        }

        if (value.Length > MaxTextLength)
        {
            return $"{field} is longer than {MaxTextLength} characters";
        }

        return HasControlCharacters(value) ? $"{field} contains control characters" : null;
    }

    /// <summary>char.IsControl's ranges (U+0000–U+001F, U+007F–U+009F), checked on a span: no enumerator per string.</summary>
    public static bool HasControlCharacters(string value) =>
        value.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || value.AsSpan().ContainsAnyInRange('\u007F', '\u009F');

    public static string Name(ActivityKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
