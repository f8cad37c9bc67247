namespace TerritoryGrid.Benchmarks.Reporting;

/// <summary>Prints a titled Markdown table with padded columns (the benchmarks README takes them as they are).</summary>
internal static class MarkdownTable
{
    public static void Print(string title, string[] header, IEnumerable<string[]> rows)
    {
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
