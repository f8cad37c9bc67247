namespace TerritoryGrid.Benchmarks.Reporting;

/// <summary>A table of named figures (the scenarios whose result is not an event rate beside references).</summary>
internal sealed class FigureTable
{
    private readonly List<string[]> rows = [];

    public void Add(string figure, string value, string note = "") => rows.Add([figure, value, note]);

    public void Print(string title) => MarkdownTable.Print(title, ["figure", "value", "note"], rows);
}
