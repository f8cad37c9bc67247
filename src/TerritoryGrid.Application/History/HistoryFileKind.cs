namespace TerritoryGrid.Application.History;

/// <summary>The kinds of history export a layout can read; each is a form part and a layout section of the same name.</summary>
public enum HistoryFileKind
{
    /// <summary>Opportunity snapshots: one row per opportunity at its current stage.</summary>
    Opportunities,

    /// <summary>Orders (or order lines): revenue, cost and product.</summary>
    Orders,

    /// <summary>Logged calls, emails, meetings and visits.</summary>
    Activities,
}
