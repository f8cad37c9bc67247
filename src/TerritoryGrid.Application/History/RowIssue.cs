namespace TerritoryGrid.Application.History;

/// <summary>
/// Something about one line of a history file: why it was rejected, or a notice about it. <see cref="Column"/> names the
/// cell at fault where one is; <see cref="EventId"/> the derived event when the problem is with one event of the row.
/// </summary>
public sealed record RowIssue(int Line, string? Column, string? EventId, string Reason);
