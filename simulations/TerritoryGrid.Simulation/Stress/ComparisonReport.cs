using System.Globalization;
using System.Net;
using System.Text;
using TerritoryGrid.Simulator.Reporting;

namespace TerritoryGrid.Simulator.Stress;

/// <summary>
/// A stress test's comparison: comparison.csv (one row per alignment), comparison.html (the same side by side, the
/// best value of each measure marked, linking each alignment's own weekly report), and one report directory per
/// alignment.
/// </summary>
public static class ComparisonReport
{
    private static readonly (string Header, string Title, Func<StressFigures, double> Value, bool LowerIsBetter)[] Measures =
    [
        ("territoryWeeksUnderServed", "Territory-weeks under-served", f => f.TerritoryWeeksUnderServed, true),
        ("territoryWeeksOverServed", "Territory-weeks over-served", f => f.TerritoryWeeksOverServed, true),
        ("workloadCv", "Workload per rep: CV (mean of weeks)", f => f.MeanWorkloadCv, true),
        ("workloadMaxMin", "Workload per rep: max/min", f => f.MeanWorkloadMaxMin, true),
        ("potentialCv", "Potential per rep: CV", f => f.MeanPotentialCv, true),
        ("potentialMaxMin", "Potential per rep: max/min", f => f.MeanPotentialMaxMin, true),
        ("accountsMoved", "Accounts changing owner or territory", f => f.AccountsMoved, true),
        ("accountValueMoved", "Account value moved (annual revenue)", f => f.AccountValueMoved, true),
        ("relationshipsBroken", "Relationships broken", f => f.RelationshipsBroken, true),
        ("travelHoursPerWeek", "Travel hours per week", f => f.TravelHoursPerWeek, true),
        ("accountsAtRisk", "Accounts below 0.5 adherence", f => f.AccountsAtRisk, true),
        ("revenueAtRisk", "Revenue at risk (annual)", f => f.RevenueAtRisk, true),
        ("events", "Events simulated", f => f.Events, false),
    ];

    public static void Write(StressResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "comparison.csv"), Csv(result));
        File.WriteAllText(Path.Combine(directory, "comparison.html"), Html(result));
        foreach (var variant in result.Variants)
        {
            var own = Path.Combine(directory, Folder(variant.Name));
            CsvReport.Write(variant.Result, own);
            File.WriteAllText(Path.Combine(own, "report.html"), HtmlReport.Render(variant.Result with { Scenario = $"{result.Scenario}: {variant.Name}" }));
        }
    }

    public static string Csv(StressResult result)
    {
        var csv = new StringBuilder("alignment," + string.Join(',', Measures.Select(m => m.Header)) + "\n");
        foreach (var variant in result.Variants)
        {
            csv.AppendLine(CsvReport.Line([variant.Name, .. Measures.Select(m => (object)m.Value(variant.Figures!))]));
        }

        return csv.ToString();
    }

    /// <summary>The page; <paramref name="stylesheet"/> links a style sheet instead of the inline style (for pages served under a CSP).</summary>
    public static string Html(StressResult result, string? stylesheet = null)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(result.Scenario)} — plan stress test</title>");
        html.Append(stylesheet is null ? Style : $"<link rel=\"stylesheet\" href=\"{E(stylesheet)}\">");
        html.Append(CultureInfo.InvariantCulture, $"</head><body><h1>{E(result.Scenario)}: today's alignment and {result.Variants.Count - 1} plan(s)</h1>");
        html.Append("<p>Each alignment met the same season (same seed: every account had the same demand) in its own sandbox. The best value of each measure is marked.</p>");
        html.Append("<table><tr><th>Measure</th>");
        foreach (var variant in result.Variants)
        {
            html.Append(stylesheet is null
                ? $"<th><a href=\"{E(Folder(variant.Name))}/report.html\">{E(variant.Name)}</a></th>"
                : $"<th>{E(variant.Name)}</th>");
        }

        html.Append("</tr>");
        AppendMeasures(result, html);
        html.Append("</table></body></html>");
        return html.ToString();
    }

    private const string Style = "<style>body{font:14px system-ui,sans-serif;margin:24px;color:#1d2430} table{border-collapse:collapse} td,th{padding:4px 10px;border-bottom:1px solid #eee;text-align:right} td:first-child,th:first-child{text-align:left} .best{font-weight:700;background:#e8f5e9}</style>";

    private static void AppendMeasures(StressResult result, StringBuilder html)
    {
        foreach (var (_, title, value, lowerIsBetter) in Measures)
        {
            var values = result.Variants.Select(v => value(v.Figures!)).ToArray();
            var best = lowerIsBetter ? values.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Min() : double.NaN;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(title)}</td>");
            foreach (var v in values)
            {
                var mark = result.Variants.Count > 1 && v == best && values.Count(x => x == best) < values.Length ? " class=\"best\"" : "";
                html.Append(CultureInfo.InvariantCulture, $"<td{mark}>{Format(v)}</td>");
            }

            html.Append("</tr>");
        }
    }

    /// <summary>A directory name for an alignment: its name with anything but letters, digits, '-' and '_' replaced.</summary>
    public static string Folder(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);

    private static string Format(double value) => double.IsNaN(value) ? "—" : double.IsInfinity(value) ? "∞" : value == Math.Floor(value) && Math.Abs(value) < 1e12
        ? value.ToString("N0", CultureInfo.InvariantCulture)
        : value.ToString("N3", CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
