using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Benchmarks.References;
using TerritoryGrid.Benchmarks.Reporting;
using static TerritoryGrid.Benchmarks.Reporting.CountCheck;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 4, memory: resident memory and GC heap per active account, with every account activated and holding a
/// few events, on the embedded durable store (so state copies are on disk, not in a memory storage provider).
/// </summary>
internal static class MemoryScenario
{
    public sealed record Size(int Territories, int Reps, int Accounts, int EventsPerAccount);

    public static readonly Size Full = new(1_000, 10_000, 1_000_000, 3);
    public static readonly Size Quick = new(10, 100, 2_000, 3);

    public static async Task<bool> RunAsync(Size size)
    {
        var company = BenchCompany.Generate(size.Territories, size.Reps, size.Accounts);
        var (batches, events, _) = company.Activity(size.Accounts * size.EventsPerAccount, 1_000, seed: 4, prefix: "mem");
        // First, each on a silo of its own that is gone before TerritoryGrid's is measured: on one silo, idle
        // activations of the first measured (15 minutes after a 1,000,000-account load) were collected while the
        // next was measured, and the differences no longer said what each holds.
        var references = await ReferencesAsync(events, size);
        var data = Directory.CreateTempSubdirectory("territorygrid-memory-");
        try
        {
            await using var host = new BenchHost("Sqlite", data.FullName);
            // Both baselines the way their figures are taken after the load: in a combined run the scenarios before this
            // one leave free memory committed, which an aggressive collection returns (before, the figure went negative).
            var residentBeforeReturned = ResidentAfterReturningFreeMemory();
            var (heapBefore, residentBefore) = Measure();
            var loader = host.Services.GetRequiredService<CompanyLoader>();
            var load = Stopwatch.StartNew();
            var loaded = await loader.LoadAsync("memory", company.Company);
            var loadSeconds = load.Elapsed.TotalSeconds;
            if (!loaded.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", loaded.Errors.Take(5)));
            }

            var accepted = 0;
            foreach (var batch in batches)
            {
                using var content = new ByteArrayContent(batch);
                content.Headers.ContentType = new("application/json");
                var result = await (await host.Http.PostAsync("/api/workspaces/memory/activity", content)).Content.ReadFromJsonAsync<JsonObject>();
                accepted += (int)result!["accepted"]!;
            }

            await Task.Delay(500);
            var (heapAfter, residentAfter) = Measure();
            var heapPerAccount = (heapAfter - heapBefore) / (double)size.Accounts;
            var residentPerAccount = (residentAfter - residentBefore) / (double)size.Accounts;
            var residentReturned = ResidentAfterReturningFreeMemory();
            var returnedPerAccount = (residentReturned - residentBeforeReturned) / (double)size.Accounts;
            var table = new ResultTable();
            table.Add($"{size.Accounts:N0} accounts loaded in {loadSeconds:0.0} s, {events.Count:N0} events", 0, null, null, null,
                memory: $"GC heap {heapPerAccount / 1024:0.00} KB/account, resident {residentPerAccount / 1024:0.00} KB/account");
            table.Add("the same, once the GC has returned its free memory to the OS", 0, null, null, null,
                memory: $"resident {returnedPerAccount / 1024:0.00} KB/account");
            table.Print("Scenario 4: memory per active account (embedded durable store, every account active)");
            var exact = Check(accepted == events.Count, $"{accepted} of {events.Count} events accepted") & references.NaiveCountedAll;
            string[] Row(string path, double bytes) => [path, $"{bytes / 1024:0.000} KB", $"{heapPerAccount / bytes:0.0}"];
            MarkdownTable.Print($"Scenario 4: GC heap per account beside the references (the same {events.Count:N0} events)",
                ["path", "GC heap per account", "TerritoryGrid ÷ it"],
                [
                    Row("TerritoryGrid: account, rep and territory grains with every metric", heapPerAccount),
                    Row("limit: the plain loop's arrays and seen ids", references.Limit),
                    Row("ceiling: one no-op grain activation per account (Orleans' own cost of an activation)", references.NoOp),
                    Row("naive: its account grain per account, with its reps and territories", references.Naive),
                ]);
            return exact;
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private sealed record ReferenceMemory(double Limit, double NoOp, double Naive, bool NaiveCountedAll);

    /// <summary>The GC heap per account each reference adds over the events: the plain loop's state, then each grain reference on a fresh silo.</summary>
    private static async Task<ReferenceMemory> ReferencesAsync(List<BenchEvent> events, Size size)
    {
        var (beforePlain, _) = Measure();
        var plain = PlainLoop.Hold(events, size.Accounts, size.Reps, size.Territories);
        var (afterPlain, _) = Measure();
        GC.KeepAlive(plain);
        double noOp, naive;
        long counted;
        await using (var host = new BenchHost("Memory"))
        {
            var (before, _) = Measure();
            await GrainReferences.CeilingAsync(host.Grains, events, inFlight: 1_000);
            var (after, _) = Measure();
            noOp = after - before;
        }

        await using (var host = new BenchHost("Memory"))
        {
            var (before, _) = Measure();
            (_, counted) = await GrainReferences.NaiveAsync(host.Grains, events, inFlight: 1_000);
            var (after, _) = Measure();
            naive = after - before;
        }

        return new ReferenceMemory((afterPlain - beforePlain) / (double)size.Accounts, noOp / size.Accounts, naive / size.Accounts,
            Check(counted == events.Count, $"naive reference counted {counted} of {events.Count} events"));
    }

    /// <summary>
    /// Resident memory after an aggressive collection, which decommits the free regions a compacting collection keeps
    /// committed for reuse: what the live state itself holds, against what the GC keeps at hand.
    /// </summary>
    private static long ResidentAfterReturningFreeMemory()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static (long Heap, long Resident) Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
