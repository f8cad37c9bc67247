using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TerritoryGrid.Benchmarks.References;
using TerritoryGrid.Benchmarks.Reporting;
using static TerritoryGrid.Benchmarks.Reporting.CountCheck;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1, live ingest: batches of 1,000 events in random order over the company's accounts, posted by several
/// clients to the real HTTP API, all metrics and roll-ups on; then the references over the same events.
/// </summary>
internal static class IngestScenario
{
    public sealed record Size(int Territories, int Reps, int Accounts, int Events, int Clients);

    /// <summary>A PostgreSQL connection string: when set, the scenario also measures cluster mode's durable ingest.</summary>
    public const string PostgresVariable = "TERRITORYGRID_BENCH_POSTGRES";

    public static readonly Size Full = new(100, 1_000, 100_000, 1_000_000, 4);
    public static readonly Size Quick = new(10, 100, 2_000, 10_000, 4);

    /// <summary>Runs the scenario on memory storage and on the embedded durable store; false if any count is wrong.</summary>
    public static async Task<bool> RunAsync(Size size)
    {
        var company = BenchCompany.Generate(size.Territories, size.Reps, size.Accounts);
        var table = new ResultTable();
        var exact = true;
        var (batches, events, revenue) = company.Activity(size.Events, 1_000, seed: 1, prefix: "m");

        ReferenceRates references;
        Measurement memory;
        await using (var host = new BenchHost("Memory"))
        {
            await company.LoadAsync(host.Http, "bench");
            memory = await PostAsync([host.Http], "bench", batches, size.Clients);
            exact &= await CheckAsync(host.Http, "bench", memory.Accepted, size.Events, revenue, "memory storage", events, company);
            references = await ReferenceRates.MeasureAsync(events, host.Grains);
            exact &= references.NaiveCountedAll;
        }

        Measurement durable;
        var data = Directory.CreateTempSubdirectory("territorygrid-bench-");
        try
        {
            await using var host = new BenchHost("Sqlite", data.FullName);
            await company.LoadAsync(host.Http, "bench");
            durable = await PostAsync([host.Http], "bench", batches, size.Clients);
            exact &= await CheckAsync(host.Http, "bench", durable.Accepted, size.Events, revenue, "durable store", events, company);
        }
        finally
        {
            data.Delete(recursive: true);
        }

        // Cluster mode's durable acknowledgement (a PostgreSQL commit per batch), when a database is named: one silo,
        // then two of one cluster, the clients taking turns between them as behind a load balancer. On one machine the
        // second measures what clustering costs (calls between silos are serialised and cross a socket), not the
        // capacity a second machine adds. Each on a database of its own: a silo recovers every workspace it finds.
        Measurement? clustered = null, twoSilos = null;
        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } postgres)
        {
            await using (var database = await ScratchDatabase.CreateAsync(postgres))
            await using (var host = new BenchHost("Postgres", postgres: database.ConnectionString))
            {
                await company.LoadAsync(host.Http, "bench");
                clustered = await PostAsync([host.Http], "bench", batches, size.Clients);
                exact &= await CheckAsync(host.Http, "bench", clustered.Accepted, size.Events, revenue, "PostgreSQL", events, company);
            }

            await using (var database = await ScratchDatabase.CreateAsync(postgres))
            {
                var clusterId = BenchHost.NewClusterId();
                await using var first = new BenchHost("Postgres", postgres: database.ConnectionString, clusterId: clusterId);
                await using var second = new BenchHost("Postgres", postgres: database.ConnectionString, clusterId: clusterId);
                await company.LoadAsync(first.Http, "bench");
                twoSilos = await PostAsync([first.Http, second.Http], "bench", batches, size.Clients);
                exact &= await CheckAsync(second.Http, "bench", twoSilos.Accepted, size.Events, revenue, "PostgreSQL, 2 silos", events, company);
            }
        }

        references.AddTo(table);
        references.Add(table, $"TerritoryGrid HTTP ingest, memory storage, {size.Clients} clients", memory.EventsPerSecond, memory.Latency, memory.Gc);
        references.Add(table, $"TerritoryGrid HTTP ingest, durable (SQLite log), {size.Clients} clients", durable.EventsPerSecond, durable.Latency, durable.Gc);
        if (clustered is not null)
        {
            references.Add(table, $"TerritoryGrid HTTP ingest, cluster mode (PostgreSQL log), 1 silo, {size.Clients} clients", clustered.EventsPerSecond, clustered.Latency, clustered.Gc);
        }

        if (twoSilos is not null)
        {
            references.Add(table, $"TerritoryGrid HTTP ingest, cluster mode (PostgreSQL log), 2 silos in this process, {size.Clients} clients taking turns", twoSilos.EventsPerSecond, twoSilos.Latency, twoSilos.Gc);
        }

        table.Print($"Scenario 1: live ingest, {size.Events:N0} events in batches of 1,000 over {size.Accounts:N0} accounts, {size.Reps:N0} reps, {size.Territories} territories");
        return exact;
    }

    private sealed record Measurement(double EventsPerSecond, int Accepted, string Latency, string Gc);

    /// <summary>Posts every batch once, client <c>c</c> through <c>servers[c % servers.Count]</c>.</summary>
    private static async Task<Measurement> PostAsync(IReadOnlyList<HttpClient> servers, string workspace, IReadOnlyList<byte[]> batches, int clients)
    {
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} posting {batches.Count:N0} batches with {clients} clients to {servers.Count} server(s)");
        var latencies = new double[batches.Count];
        var accepted = 0;
        var next = -1;
        var gc = new GcWindow();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var http = servers[client % servers.Count];
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var started = watch.Elapsed.TotalMilliseconds;
                using var content = new ByteArrayContent(batches[i]);
                content.Headers.ContentType = new("application/json");
                var response = await http.PostAsync($"/api/workspaces/{workspace}/activity", content);
                var result = await response.Content.ReadFromJsonAsync<JsonObject>();
                latencies[i] = watch.Elapsed.TotalMilliseconds - started;
                Interlocked.Add(ref accepted, (int)result!["accepted"]!);
            }
        }));
        var seconds = watch.Elapsed.TotalSeconds;
        var latency = $"{Percentiles.Of(latencies, 50):0} ms / {Percentiles.Of(latencies, 99):0} ms";
        return new Measurement(accepted / seconds, accepted, latency, gc.Summary());
    }

    /// <summary>Every posted event accepted once, and reflected once in the territories' totals after roll-ups drain.</summary>
    private static async Task<bool> CheckAsync(
        HttpClient http, string workspace, int accepted, int posted, double revenue, string label, List<BenchEvent> events, BenchCompany company)
    {
        var ok = Check(accepted == posted, $"{label}: {accepted} of {posted} events accepted");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long counted;
        double countedRevenue;
        do
        {
            var list = await http.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/territories");
            var territories = list!["territories"]!.AsArray();
            counted = territories.Sum(t => (long)t!["totals"]!["events"]!);
            countedRevenue = territories.Sum(t => (double)t!["totals"]!["revenue"]!);
            if (counted == accepted)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        ok &= Check(counted == accepted, $"{label}: territories count {counted} events, {accepted} were accepted");
        ok &= Check(Math.Abs(countedRevenue - revenue) < 0.01 * Math.Max(1, revenue) / 1e6, $"{label}: territory revenue {countedRevenue:F2}, posted {revenue:F2}");
        if (!ok)
        {
            var list = await http.GetFromJsonAsync<JsonObject>($"/api/workspaces/{workspace}/territories");
            foreach (var t in list!["territories"]!.AsArray())
            {
                var index = company.Company.Territories.Select((x, i) => (x.Id, i)).First(x => x.Id == (string)t!["id"]!).i;
                var expectedEvents = events.Count(e => e.Territory == index);
                var expectedRevenue = events.Where(e => e.Territory == index).Sum(e => e.Amount);
                Console.Error.WriteLine($"  {t!["id"]}: events {t["totals"]!["events"]} (posted {expectedEvents}), revenue {(double)t["totals"]!["revenue"]!:F2} (posted {expectedRevenue:F2}), reporting {t["accountsReporting"]}/{t["accountCount"]}");
            }
        }
        return ok;
    }
}
