using System.Globalization;

namespace TerritoryGrid.Benchmarks.Reporting;

/// <summary>One row per measured path; ratios are against the references measured in the same run.</summary>
internal sealed class ResultTable
{
    private readonly List<string[]> rows = [];

    public void Add(string path, double eventsPerSecond, double? limit, double? ceiling, double? naive, string latency = "", string memory = "") =>
        rows.Add([path, Format(eventsPerSecond, "N0"), Ratio(eventsPerSecond, limit), Ratio(eventsPerSecond, ceiling), Ratio(eventsPerSecond, naive), latency, memory]);

    public void Print(string title) => MarkdownTable.Print(title, ["path", "events/s", "÷ limit", "÷ ceiling", "÷ naive", "latency p50/p99 (batch)", "CPU, memory and GC"], rows);

    private static string Ratio(double value, double? reference) =>
        reference is > 0 ? (value / reference.Value).ToString("0.000", CultureInfo.InvariantCulture) : "";

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
