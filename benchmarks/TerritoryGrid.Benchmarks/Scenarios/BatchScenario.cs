using Stopwatch = System.Diagnostics.Stopwatch;
using TerritoryGrid.Benchmarks.References;
using TerritoryGrid.Benchmarks.Reporting;
using TerritoryGrid.Simulator.Running;
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
    /// <summary>The issue's company: 100,000 accounts, shaped like the demo company (1,000 accounts and 20 reps a territory).</summary>
    public static readonly SimulatedCompany Full = new(100, 2_000, 100_000, 52);
    public static readonly SimulatedCompany Quick = new(4, 40, 1_000, 4);

    public static async Task<bool> RunAsync(SimulatedCompany size)
    {
        var scenario = size.Scenario("benchmark batch year");
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

        ReferenceRates references;
        await using (var host = new BenchHost("Memory"))
        {
            references = await ReferenceRates.MeasureAsync(SimulatedEvents.Compact(result.Company!, result.Activity), host.Grains);
        }

        exact &= references.NaiveCountedAll;
        var table = new ResultTable();
        references.AddTo(table);
        references.Add(table, $"TerritoryGrid batch mode: the year's ingest and weekly readings ({result.Seconds:0.0} s)", result.Events / result.Seconds);
        references.Add(table, $"TerritoryGrid batch mode end to end: with starting its silo, generating and loading the company ({allSeconds:0.0} s)",
            result.Events / allSeconds, memory: gcSummary);
        table.Print($"Scenario 2: batch simulation, {size.Weeks} weeks of {size.Accounts:N0} accounts, {size.Reps:N0} reps, {size.Territories} territories: " +
                    $"{generated:N0} events, {result.Territories.Count:N0} territory-weeks classified");
        return exact;
    }
}
