using System.Globalization;

namespace TerritoryGrid.Server.Api;

/// <summary>The <c>asOf</c> query parameter: an event-time day (UTC) whose end a read describes.</summary>
internal static class AsOfDate
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static string Invalid(string text) =>
        $"asOf '{(text.Length <= 40 ? text : text[..40] + "…")}' is not a date: use {Format}, an event-time day in UTC (e.g. 2026-09-30)";

    /// <summary>Why a day before the plan start has nothing to show, or null when the day is not before it.</summary>
    public static string? BeforePlan(DateOnly day, DateTimeOffset? planStart, string workspace) =>
        planStart is { } start && day < DateOnly.FromDateTime(start.UtcDateTime)
            ? $"asOf {day:yyyy-MM-dd} is before the plan start ({start.UtcDateTime:yyyy-MM-dd}) of workspace '{workspace}': nothing was recorded then"
            : null;

    /// <summary>Why a territory has no snapshot of a day: not closed yet (the watermark says how far event time has come), or no longer kept.</summary>
    public static string NotRecorded(string territoryId, DateOnly day, DateTimeOffset watermark) =>
        $"territory '{territoryId}' has no figures recorded for the end of {day:yyyy-MM-dd}: {Why(watermark)}";

    /// <summary>Why no territory in the caller's scope has a snapshot of a day.</summary>
    public static string NoneRecorded(DateOnly day, DateTimeOffset latestWatermark) =>
        $"no territory has figures recorded for the end of {day:yyyy-MM-dd}: {Why(latestWatermark)}";

    private static string Why(DateTimeOffset watermark) =>
        "a day is recorded once the event-time watermark passes its end " +
        $"(watermark now {watermark.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)}), " +
        "and kept for three years (Metrics:SnapshotDays)";
}
