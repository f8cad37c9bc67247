namespace TerritoryGrid.Application.History;

/// <summary>
/// The "history" section of a CSV layout: one section per kind of export it can read. A layout without a section
/// cannot import that kind of file. <see cref="DateFormats"/> apply to every file whose section names none.
/// </summary>
public sealed record HistoryLayout(
    HistoryFileLayout? Opportunities = null,
    HistoryFileLayout? Orders = null,
    HistoryFileLayout? Activities = null,
    string[]? DateFormats = null)
{
    /// <summary>Dates as TerritoryGrid writes them (ISO 8601), used when a layout declares no formats.</summary>
    public static readonly string[] IsoDateFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK"];

    public HistoryFileLayout? For(HistoryFileKind kind) => kind switch
    {
        HistoryFileKind.Opportunities => Opportunities,
        HistoryFileKind.Orders => Orders,
        _ => Activities,
    };

    public string[] DateFormatsFor(HistoryFileKind kind) =>
        For(kind)?.DateFormats is { Length: > 0 } own ? own : DateFormats is { Length: > 0 } shared ? shared : IsoDateFormats;

    /// <summary>Problems with a section itself: unknown fields, required fields without a column, a stage or type mapping missing.</summary>
    public IEnumerable<string> Problems(string layoutName, HistoryFileKind kind)
    {
        var section = Section(kind);
        if (For(kind) is not { } file)
        {
            yield return $"layout '{layoutName}' has no history section '{section}', so it cannot import {section} (add one; see README, Loading history from CSV)";
            yield break;
        }

        var known = HistoryFields.Known(kind);
        foreach (var field in (file.Columns ?? []).Keys.Where(f => !known.Contains(f)))
        {
            yield return $"layout '{layoutName}', history.{section}: '{field}' is not a field (fields: {string.Join(", ", known)})";
        }

        foreach (var field in HistoryFields.Required(kind).Where(f => string.IsNullOrWhiteSpace(file.Columns?.GetValueOrDefault(f))))
        {
            yield return $"layout '{layoutName}', history.{section}: the required field '{field}' names no column";
        }

        if (kind == HistoryFileKind.Opportunities && file.Stages is not { Count: > 0 })
        {
            yield return $"layout '{layoutName}', history.{section}: 'stages' must map the CRM's stage names to lead, disqualified, opportunity, won or lost";
        }

        if (kind == HistoryFileKind.Activities && file.Types is not { Count: > 0 })
        {
            yield return $"layout '{layoutName}', history.{section}: 'types' must map the CRM's activity types to email, call, video or visit";
        }
    }

    public static string Section(HistoryFileKind kind) => kind.ToString().ToLowerInvariant();
}
