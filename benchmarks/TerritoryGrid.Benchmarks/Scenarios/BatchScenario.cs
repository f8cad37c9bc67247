using Stopwatch = System.Diagnostics.Stopwatch;
using TerritoryGrid.Benchmarks.References;
using TerritoryGrid.Benchmarks.Reporting;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Simulator.Running;
using TerritoryGrid.Simulator.Scenarios;
using static TerritoryGrid.Benchmarks.Reporting.CountCheck;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 2, batch simulation: a simulated year of a generated company through the simulator's batch mode (its own
/// silo in this process, the normal ingest path, the territories read and classified at the end of every week), then
/// the references over the very events it generated. The counts that must hold: every generated event accepted, every
/// accepted event counted once by the territories at the last week, and no week read before its roll-ups drained.
/// </summary>
internal static class BatchScenario
{
    public sealed record Size(int Territories, int Reps, int Accounts, int Weeks);

    /// <summary>The issue's company: 100,000 accounts, with the demo company's 50 accounts and 20 reps per territory.</summary>
    public static readonly Size Full = new(100, 2_000, 100_000, 52);
    public static readonly Size Quick = new(4, 40, 1_000, 4);

    public static async Task<bool> RunAsync(Size size)
    {
        var scenario = new Scenario("benchmark batch year", Seed: 7,
            new ScenarioCompany(size.Territories, size.Reps, size.Accounts, Seed: 20261123),
            new ScenarioPeriod(new DateOnly(2025, 1, 6), size.Weeks));
        Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} simulating {size.Weeks} weeks (+{SimulationRunner.WarmUpWeeks} warming up) of {size.Accounts:N0} accounts in batch mode");
        var all = Stopwatch.StartNew();
        var gc = new GcWindow();
        var weeksRead = 0;
        var result = await new BatchRunner(line =>
        {
            if (++weeksRead % 14 == 0)
            {
                Console.WriteLine($"  {DateTime.UtcNow:HH:mm:ss} {line}");
            }
        }).RunAsync(scenario);
        var gcSummary = gc.Summary();
        var allSeconds = all.Elapsed.TotalSeconds;
        var generated = result.Activity.Count;

        var exact = Check(result.Events + result.Refused == generated, $"batch: {result.Events} accepted and {result.Refused} refused of {generated} generated events");
        exact &= Check(result.Refused == 0, $"batch: {result.Refused} generated events refused");
        exact &= Check(result.CountedByTerritories == result.Events, $"batch: territories count {result.CountedByTerritories} events at the last week, {result.Events} were accepted");
        exact &= Check(result.WeeksNotDrained.Count == 0, $"batch: weeks {string.Join(", ", result.WeeksNotDrained)} read before the roll-ups drained");
        exact &= Check(result.Territories.Count == size.Weeks * size.Territories, $"batch: {result.Territories.Count} territory-weeks recorded, {size.Weeks * size.Territories} expected");

        var events = Compact(result.Company!, result.Activity);
        var limit = PlainLoop.Run(events, result.Company!.Accounts.Count, result.Company.Reps.Count, result.Company.Territories.Count);
        var limitRate = limit.Events / limit.Seconds;
        double ceiling, naive;
        await using (var host = new BenchHost("Memory"))
        {
            ceiling = await GrainReferences.CeilingAsync(host.Grains, events, inFlight: 1_000);
            var (naiveRate, naiveCounted) = await GrainReferences.NaiveAsync(host.Grains, events, inFlight: 1_000);
            naive = naiveRate;
            exact &= Check(naiveCounted == events.Count, $"naive reference counted {naiveCounted} of {events.Count} events");
        }

        var table = new ResultTable();
        table.Add("limit: plain loop, 1 thread", limitRate, limitRate, null, null);
        table.Add("ceiling: no-op grain calls, 1,000 in flight", ceiling, limitRate, ceiling, null);
        table.Add("naive: 3 awaited calls per event, 1,000 in flight", naive, limitRate, ceiling, naive);
        table.Add($"TerritoryGrid batch mode: the year's ingest and weekly readings ({result.Seconds:0.0} s)",
            result.Events / result.Seconds, limitRate, ceiling, naive);
        table.Add($"TerritoryGrid batch mode end to end: with starting its silo, generating and loading the company ({allSeconds:0.0} s)",
            result.Events / allSeconds, limitRate, ceiling, naive, memory: gcSummary);
        table.Print($"Scenario 2: batch simulation, {size.Weeks} weeks of {size.Accounts:N0} accounts, {size.Reps:N0} reps, {size.Territories} territories: " +
                    $"{generated:N0} events, {result.Territories.Count:N0} territory-weeks classified");
        return exact;
    }

    /// <summary>The simulated events in the references' compact form: indexes of the account, the rep who did it (else the owner) and the territory.</summary>
    private static List<BenchEvent> Compact(CompanyDefinition company, IReadOnlyList<ActivityEvent> activity)
    {
        var accounts = company.Accounts.Select((a, i) => (a, i)).ToDictionary(x => x.a.Id, x => (Index: x.i, x.a.OwnerRepId, x.a.TerritoryId), StringComparer.Ordinal);
        var reps = company.Reps.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var territories = company.Territories.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return [.. activity.Select(e =>
        {
            var account = accounts[e.AccountId];
            var rep = (e.RepId ?? account.OwnerRepId) is { } repId && reps.TryGetValue(repId, out var r) ? r : 0;
            return new BenchEvent(account.Index, rep, territories[account.TerritoryId], e.Amount, Fnv1a(e.Id));
        })];
    }

    /// <summary>A 64-bit hash of the event id: millions of ids in a 32-bit hash would collide, and the loop would drop them as duplicates.</summary>
    private static ulong Fnv1a(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
