namespace TerritoryGrid.Benchmarks.Reporting;

/// <summary>A table of named figures (the scenarios whose result is not an event rate beside references).</summary>
internal sealed class FigureTable
{
    private readonly List<string[]> rows = [];

    public void Add(string figure, string value, string note = "") => rows.Add([figure, value, note]);

    public void Print(string title)
    {
        string[] header = ["figure", "value", "note"];
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        foreach (var (row, index) in all.Select((r, i) => (r, i)))
        {
            Console.WriteLine("| " + string.Join(" | ", row.Select((cell, i) => cell.PadRight(widths[i]))) + " |");
            if (index == 0)
            {
                Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
            }
        }
    }
}
