using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TerritoryGrid.Benchmarks.Reporting;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 9, history import: an opportunities export of many rows (random stages over the last 300 days) through
/// POST …/activity/csv on the embedded durable store, then the same file again (every event a duplicate or older than
/// the duplicate horizon, none accepted). Rows/s and events/s end to end, parsing and posting included.
/// </summary>
internal static class HistoryImportScenario
{
    public sealed record Size(int Territories, int Reps, int Accounts, int Rows);

    public static readonly Size Full = new(20, 200, 10_000, 100_000);
    public static readonly Size Quick = new(5, 20, 500, 5_000);

    public static async Task<bool> RunAsync(Size size)
    {
        var company = BenchCompany.Generate(size.Territories, size.Reps, size.Accounts);
        var data = Directory.CreateTempSubdirectory("territorygrid-history-");
        try
        {
            await using var host = new BenchHost("Sqlite", data.FullName);
            await company.LoadAsync(host.Http, "history");
            var csv = Opportunities(company, size.Rows, seed: 9);
            var first = await ImportAsync(host.Http, csv);
            var again = await ImportAsync(host.Http, csv);
            MarkdownTable.Print("Scenario 9: loading history from CSV (end to end over HTTP, embedded durable store)",
                ["import", "rows", "events", "accepted", "duplicates", "older than horizon", "seconds", "rows/s", "events/s"],
                [Row("first", size.Rows, first), Row("the same file again", size.Rows, again)]);
            var exact = first.Accepted == first.Events && first.Rejected == 0 && again.Accepted == 0 && again.Duplicates + again.Older == again.Events;
            if (!exact)
            {
                Console.Error.WriteLine($"COUNT WRONG: first {first}, again {again}");
            }

            return exact;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static string[] Row(string name, int rows, Outcome o) =>
    [
        name, rows.ToString("N0", CultureInfo.InvariantCulture), o.Events.ToString("N0", CultureInfo.InvariantCulture),
        o.Accepted.ToString("N0", CultureInfo.InvariantCulture), o.Duplicates.ToString("N0", CultureInfo.InvariantCulture),
        o.Older.ToString("N0", CultureInfo.InvariantCulture), o.Seconds.ToString("0.00", CultureInfo.InvariantCulture),
        (rows / o.Seconds).ToString("N0", CultureInfo.InvariantCulture), (o.Events / o.Seconds).ToString("N0", CultureInfo.InvariantCulture),
    ];

    private sealed record Outcome(double Seconds, int Events, int Accepted, int Duplicates, int Older, int Rejected);

    private static async Task<Outcome> ImportAsync(HttpClient http, string csv)
    {
        using var form = new MultipartFormDataContent { { new StringContent(csv, Encoding.UTF8, "text/csv"), "opportunities", "opportunities.csv" } };
        var clock = Stopwatch.StartNew();
        var response = await http.PostAsync("/api/workspaces/history/activity/csv", form);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var seconds = clock.Elapsed.TotalSeconds;
        var file = body!["files"]![0]!;
        foreach (var issue in file["rejected"]!.AsArray().Concat(file["notices"]!.AsArray()).Take(5))
        {
            Console.Error.WriteLine($"  not loaded: {issue!.ToJsonString()}");
        }

        return new Outcome(seconds, (int)file["events"]!, (int)file["accepted"]!, (int)file["duplicates"]!,
            (int)file["olderThanDuplicateHorizon"]!, (int)file["rowsRejected"]! + (int)file["notApplied"]!);
    }

    /// <summary>Rows in the territorygrid layout: 20% leads, 10% disqualified, 30% open, 20% won, 20% lost, all closed by yesterday.</summary>
    private static string Opportunities(BenchCompany company, int rows, int seed)
    {
        var random = new Random(seed);
        var accounts = company.Company.Accounts;
        var yesterday = DateTimeOffset.UtcNow.Date.AddDays(-1);
        var text = new StringBuilder("opportunity_id,account_id,rep_id,stage,created_at,qualified_at,closed_at,amount\n");
        for (var n = 0; n < rows; n++)
        {
            var account = accounts[random.Next(accounts.Count)];
            var created = yesterday.AddDays(-300 + random.Next(240));
            var qualified = created.AddDays(random.Next(10));
            var closed = Min(qualified.AddDays(5 + random.Next(55)), yesterday);
            var roll = random.NextDouble();
            var stage = roll < 0.2 ? "lead" : roll < 0.3 ? "disqualified" : roll < 0.6 ? "opportunity" : roll < 0.8 ? "won" : "lost";
            var isClosed = stage is "disqualified" or "won" or "lost";
            text.Append(CultureInfo.InvariantCulture,
                $"bench-{n},{account.Id},{account.OwnerRepId},{stage},{created:yyyy-MM-dd},{(stage is "lead" or "disqualified" ? "" : qualified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))},{(isClosed ? closed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")},{random.Next(1_000, 100_000)}\n");
        }

        return text.ToString();
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
