namespace TerritoryGrid.Application.History;

/// <summary>
/// What became of one history file. Of the <see cref="Events"/> derived from its usable rows, each was
/// <see cref="Accepted"/> (of which <see cref="Late"/>: counted in totals, too old for the rolling windows), a
/// <see cref="Duplicates"/> of one already loaded, <see cref="OlderThanDuplicateHorizon"/> (refused: more than the
/// duplicate horizon before its account's latest event — loaded by an earlier import, or too old to load now), or
/// <see cref="NotApplied"/> (each listed in <see cref="Rejected"/> or <see cref="Notices"/> with its line and event id).
/// Of its <see cref="Rows"/> (blank lines not counted), <see cref="RowsRejected"/> derived no events; each problem is in <see cref="Rejected"/> with line and column.
/// </summary>
public sealed record HistoryFileReport(
    string File,
    string Kind,
    int Rows,
    int RowsRejected,
    int Events,
    int Accepted,
    int Late,
    int Duplicates,
    int OlderThanDuplicateHorizon,
    int NotApplied,
    IReadOnlyList<RowIssue> Rejected,
    IReadOnlyList<RowIssue> Notices);
