namespace TerritoryGrid.Application.History;

/// <summary>
/// How one kind of history export is read: which column holds which field (<see cref="HistoryFields"/>), how the CRM's
/// stage or activity-type names map to TerritoryGrid's, which product names are known, and the date formats its cells
/// use (tried in order; a file may mix them).
/// </summary>
public sealed record HistoryFileLayout(
    Dictionary<string, string> Columns,
    Dictionary<string, OpportunityStage>? Stages = null,
    Dictionary<string, TouchType>? Types = null,
    Dictionary<string, string>? Products = null,
    string[]? DateFormats = null);
