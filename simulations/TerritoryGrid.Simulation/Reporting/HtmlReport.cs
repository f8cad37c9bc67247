using System.Globalization;
using System.Net;
using System.Text;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Simulator.Reporting;

/// <summary>
/// The report as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched): a territory × week
/// status heat map, every territory's coverage over the weeks, and the company's balance over time.
/// </summary>
public static class HtmlReport
{
    private static readonly Dictionary<ServiceStatus, string> Colours = new()
    {
        [ServiceStatus.UnderServed] = "#c0392b", [ServiceStatus.Balanced] = "#2e7d32", [ServiceStatus.OverServed] = "#b7791f",
    };

    private const string Style = """
        <style>body{font:14px system-ui,sans-serif;margin:24px;color:#1d2430} h1{font-size:20px} h2{font-size:16px;margin-top:28px}
        table{border-collapse:collapse} td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}
        .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle} p.short{color:#c0392b}</style>
        """;

    public static string Render(SimulationResult result)
    {
        var territories = result.Territories.GroupBy(r => r.TerritoryId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var weeks = result.Territories.Select(r => r.Week).DefaultIfEmpty(0).Max();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(result.Scenario)} — TerritoryGrid simulation</title>");
        html.Append(Style);
        html.Append(CultureInfo.InvariantCulture, $"</head><body><h1>{E(result.Scenario)}</h1>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p>{weeks} weeks, {territories.Count} territories, {result.Events:N0} events simulated in {result.Seconds:0.0} s ({result.Events / Math.Max(result.Seconds, 1e-9):N0} events/s).</p>");
        var shortWeeks = result.WeeksNotDrained.Where(w => w >= 1).ToHashSet();
        if (result.ShortWeeksWarning is { } warning)
        {
            // The figures are what the target showed, but weeks read before every event was counted must not pass for results.
            html.Append(CultureInfo.InvariantCulture,
                $"<p class=\"short\"><strong>Warning:</strong> {E(warning)}{(shortWeeks.Count > 0 ? "; their cells are crossed out below" : "")}.</p>");
        }

        html.Append("<h2>Status by territory and week</h2><p class=\"legend\"><span style=\"background:#c0392b\"></span>under-served<span style=\"background:#2e7d32\"></span>balanced<span style=\"background:#b7791f\"></span>over-served</p>");
        html.Append(HeatMap(territories, weeks, shortWeeks));
        html.Append("<h2>Weeks per status</h2><table><tr><th>Territory</th><th>Region</th><th>Under-served</th><th>Balanced</th><th>Over-served</th></tr>");
        foreach (var t in territories)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(t.First().Territory)}</td><td>{E(t.First().Region)}</td><td>{t.Count(r => r.Status == ServiceStatus.UnderServed)}</td><td>{t.Count(r => r.Status == ServiceStatus.Balanced)}</td><td>{t.Count(r => r.Status == ServiceStatus.OverServed)}</td></tr>");
        }

        html.Append("</table><h2>Coverage by week</h2>");
        html.Append(Lines(territories.Select(t => (t.First().Territory, t.OrderBy(r => r.Week).Select(r => r.Coverage ?? 0).ToArray())).ToList(), weeks, [0.9, 1.25]));
        html.Append("<h2>Balance: coefficient of variation of workload (solid) and potential (dashed) per rep</h2>");
        html.Append(Lines([("workload", result.Balance.Select(b => b.WorkloadCv).ToArray()), ("potential", result.Balance.Select(b => b.PotentialCv).ToArray())], weeks, []));
        html.Append("</body></html>");
        return html.ToString();
    }

    private static string HeatMap(List<IGrouping<string, WeeklyRow>> territories, int weeks, IReadOnlySet<int> shortWeeks)
    {
        const int cell = 14, label = 220;
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{label + weeks * cell + 10}\" height=\"{territories.Count * cell + 20}\">"));
        for (var i = 0; i < territories.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{i * cell + 11}\" font-size=\"11\">{E(territories[i].First().Territory)}</text>");
            foreach (var row in territories[i])
            {
                var x = label + (row.Week - 1) * cell;
                var readShort = shortWeeks.Contains(row.Week);
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x}\" y=\"{i * cell}\" width=\"{cell - 1}\" height=\"{cell - 1}\" fill=\"{Colours[row.Status]}\"><title>{E(row.Territory)} week {row.Week}: {row.Status}, coverage {row.Coverage:0.00}{(readShort ? " (read short: not every event counted)" : "")}</title></rect>");
                if (readShort)
                {
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<line class=\"short\" x1=\"{x}\" y1=\"{i * cell}\" x2=\"{x + cell - 1}\" y2=\"{i * cell + cell - 1}\" stroke=\"#fff\" stroke-width=\"2\"/>");
                }
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Lines(IReadOnlyList<(string Name, double[] Values)> series, int weeks, double[] guides)
    {
        const int width = 760, height = 220, left = 40;
        var max = Math.Max(1.5, series.SelectMany(s => s.Values).DefaultIfEmpty(1).Max());
        double X(int week) => left + (weeks <= 1 ? 0 : (double)week / (weeks - 1) * (width - left - 10));
        double Y(double v) => height - 20 - v / max * (height - 30);
        var svg = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\">"));
        foreach (var guide in guides)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width}\" y1=\"{Y(guide):0.0}\" y2=\"{Y(guide):0.0}\" stroke=\"#ccc\"/><text x=\"0\" y=\"{Y(guide) + 4:0.0}\" font-size=\"10\">{guide:0.00}</text>");
        }

        for (var s = 0; s < series.Count; s++)
        {
            var points = string.Join(' ', series[s].Values.Select((v, i) => string.Create(CultureInfo.InvariantCulture, $"{X(i):0.0},{Y(v):0.0}")));
            var hue = series.Count == 1 ? 210 : s * 360 / series.Count;
            var dash = series.Count == 2 && s == 1 ? " stroke-dasharray=\"5 3\"" : "";
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"hsl({hue},55%,45%)\" stroke-width=\"1.5\"{dash} points=\"{points}\"><title>{E(series[s].Name)}</title></polyline>");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
