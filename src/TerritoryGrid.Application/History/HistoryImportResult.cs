namespace TerritoryGrid.Application.History;

/// <summary>A history import: one report per file, and notes that explain the counts where they need it.</summary>
public sealed record HistoryImportResult(
    string Workspace,
    int Generation,
    IReadOnlyList<HistoryFileReport> Files,
    IReadOnlyList<string> Notes);
