using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using TerritoryGrid.Benchmarks.Reporting;
using static TerritoryGrid.Benchmarks.Reporting.CountCheck;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 7, a plan applied live under load: four clients keep posting batches while a plan moving a tenth of the
/// accounts to another territory is applied. Reports how long the switch took and the ingest latency before and during
/// it; then checks every event counted once, each in the territory of its event time (all before the effective time).
/// </summary>
internal static class PlanApplyScenario
{
    public sealed record Size(int Territories, int Reps, int Accounts, double BaselineSeconds);

    public static readonly Size Full = new(100, 1_000, 100_000, 10);
    public static readonly Size Quick = new(5, 50, 2_000, 1);

    private const string Workspace = "applybench";

    public static async Task<bool> RunAsync(Size size)
    {
        var company = BenchCompany.Generate(size.Territories, size.Reps, size.Accounts);
        await using var host = new BenchHost("Memory");
        await company.LoadAsync(host.Http, Workspace);
        using var planner = new HttpClient { BaseAddress = host.Http.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        planner.DefaultRequestHeaders.Authorization = new("Bearer", BenchHost.PlannerKey);

        var territories = company.Company.Territories.Select(t => t.Id).ToList();
        var firstRepOf = company.Company.Reps.GroupBy(r => r.TerritoryId).ToDictionary(g => g.Key, g => g.First().Id);
        var moves = company.Company.Accounts.Where((_, i) => i % 10 == 0).Select(a => new
        {
            kind = "moveAccount", accountId = a.Id,
            toRepId = firstRepOf[territories[(territories.IndexOf(a.TerritoryId) + 1) % territories.Count]],
        }).ToList();
        var effectiveAt = DateTimeOffset.UtcNow.Date.AddDays(1);
        var drafted = await planner.PostAsJsonAsync($"/api/workspaces/{Workspace}/plans", new { name = "A tenth moves east", effectiveAt, moves });
        var planId = (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await host.Http.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/approve", null)).EnsureSuccessStatusCode();
        (await planner.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/schedule", null)).EnsureSuccessStatusCode();

        var latencies = new ConcurrentBag<(double At, double Ms)>();
        var posted = new ConcurrentDictionary<string, long>();
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, 4).Select(c => Task.Run(() => PostAsync(host.Http, company, c, latencies, posted, watch, stop.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(size.BaselineSeconds));
        var applyStarted = watch.Elapsed.TotalMilliseconds;
        var applied = await host.Http.PostAsync($"/api/workspaces/{Workspace}/plans/{planId}/apply", null);
        var applyEnded = watch.Elapsed.TotalMilliseconds;
        var body = await applied.Content.ReadAsStringAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var exact = Check(applied.IsSuccessStatusCode, $"the plan was not applied: {body}");
        var switchMs = applied.IsSuccessStatusCode ? JsonDocument.Parse(body).RootElement.GetProperty("applied").GetProperty("switchMilliseconds").GetDouble() : double.NaN;
        var before = latencies.Where(l => l.At < applyStarted).Select(l => l.Ms).ToList();
        var during = latencies.Where(l => l.At >= applyStarted && l.At <= applyEnded).Select(l => l.Ms).ToList();
        var duringEvents = during.Count * 1_000;
        exact &= await CountsExactAsync(host.Http, posted);

        var table = new ResultTable();
        table.Add("ingest before the plan, 4 clients", before.Count * 1_000 / (applyStarted / 1_000), null, null, null,
            $"{Percentiles.Of(before, 50):0} ms / {Percentiles.Of(before, 99):0} ms");
        table.Add($"ingest while {moves.Count:N0} account moves are applied", duringEvents / Math.Max((applyEnded - applyStarted) / 1_000, 1e-9), null, null, null,
            $"{Percentiles.Of(during, 50):0} ms / {Percentiles.Of(during, 99):0} ms");
        table.Print($"Scenario 7: a plan of {moves.Count:N0} account moves applied live over {size.Accounts:N0} accounts: switch {switchMs / 1_000:0.0} s ({moves.Count / (switchMs / 1_000):N0} moves/s)");
        return exact;
    }

    private static async Task PostAsync(HttpClient http, BenchCompany company, int client, ConcurrentBag<(double, double)> latencies,
        ConcurrentDictionary<string, long> posted, Stopwatch watch, CancellationToken stop)
    {
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var (batches, events, _) = company.Activity(1_000, 1_000, client * 100_000 + round, $"apply-{client}-{round}");
            var sent = watch.Elapsed.TotalMilliseconds;
            using var content = new ByteArrayContent(batches[0]);
            content.Headers.ContentType = new("application/json");
            using var response = await http.PostAsync($"/api/workspaces/{Workspace}/activity", content, CancellationToken.None);
            latencies.Add((sent, watch.Elapsed.TotalMilliseconds - sent));
            if (response.IsSuccessStatusCode)
            {
                foreach (var e in events)
                {
                    posted.AddOrUpdate(company.Company.Territories[e.Territory].Id, 1, (_, n) => n + 1);
                }
            }
        }
    }

    /// <summary>Every event happened before the effective time: each territory counts exactly the events posted to its accounts of then.</summary>
    private static async Task<bool> CountsExactAsync(HttpClient http, ConcurrentDictionary<string, long> posted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        Dictionary<string, long> counted;
        do
        {
            await Task.Delay(200);
            var list = await http.GetFromJsonAsync<JsonElement>($"/api/workspaces/{Workspace}/territories");
            counted = list.GetProperty("territories").EnumerateArray()
                .ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("totals").GetProperty("events").GetInt64());
        }
        while (!posted.All(p => counted.GetValueOrDefault(p.Key) == p.Value) && DateTime.UtcNow < deadline);

        return posted.Aggregate(true, (ok, p) => ok & Check(counted.GetValueOrDefault(p.Key) == p.Value,
            $"territory {p.Key} counts {counted.GetValueOrDefault(p.Key):N0} events, {p.Value:N0} were posted to its accounts"));
    }
}
