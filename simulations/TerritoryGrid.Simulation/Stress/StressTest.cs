using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Planning.Plans;
using TerritoryGrid.Simulator.Reporting;
using TerritoryGrid.Simulator.Running;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator.Stress;

/// <summary>
/// Runs one scenario against today's alignment and against each plan, side by side in one run: each in its own
/// sandbox on a silo of its own, with the same seed (so every account meets the same demand), never touching a live
/// company. A plan that does not compile against the scenario's company stops the run before anything is simulated.
/// </summary>
public sealed class StressTest(
    Action<string>? progress = null, Func<int, Scenario, Task<ISimulationTarget>>? targets = null, double? maxEventsPerSecond = null)
{
    public const string Baseline = "baseline";

    public async Task<StressResult> RunAsync(
        Scenario scenario, IReadOnlyList<(string Name, PlanDocument Plan)> plans, PlanningOptions? rules = null, CancellationToken cancellationToken = default)
    {
        var metrics = new MetricsOptions();
        var variants = new List<StressVariant>();
        var baseline = await RunVariantAsync(scenario, Baseline, 0, null, rules, cancellationToken);
        var relationships = StressFigures.Relationships(baseline.Result.Activity, baseline.Result.PeriodStart);
        variants.Add(baseline with { Figures = StressFigures.Of(Baseline, baseline.Result, null, relationships, metrics) });
        for (var i = 0; i < plans.Count; i++)
        {
            var run = await RunVariantAsync(scenario, plans[i].Name, i + 1, plans[i].Plan, rules, cancellationToken);
            variants.Add(run with { Figures = StressFigures.Of(plans[i].Name, run.Result, run.Change, relationships, metrics) });
        }

        return new StressResult(scenario.Name, variants);
    }

    private async Task<StressVariant> RunVariantAsync(
        Scenario scenario, string name, int index, PlanDocument? plan, PlanningOptions? rules, CancellationToken cancellationToken)
    {
        await using var target = targets is null ? await OwnSiloAsync(index, scenario) : await targets(index, scenario);
        AlignmentChange? change = null;
        Realignment Realign(CompanyDefinition company)
        {
            if (plan is null)
            {
                return new Realignment(company, new Dictionary<string, int>());
            }

            var compiled = PlanCompiler.Compile(plan, company, rules ?? new PlanningOptions());
            if (!compiled.IsValid)
            {
                throw new ScenarioException([.. compiled.Problems.Select(p => new ScenarioError($"plan '{name}'", p.Where, p.Message))]);
            }

            change = compiled.Change;
            return new Realignment(compiled.After!, compiled.Change!.RampWeeks);
        }

        var result = await new SimulationRunner(line => progress?.Invoke($"{line}  [{name}]")).RunAsync(
            scenario, target, daysPerSecond: null, cancellationToken, Realign, maxEventsPerSecond);
        return new StressVariant(name, result, change, null);
    }

    /// <summary>Batch mode: a silo of this variant's own, accepting the whole simulated period however far ahead it lies.</summary>
    private static async Task<ISimulationTarget> OwnSiloAsync(int index, Scenario scenario)
    {
        var end = scenario.Period.Start.ToDateTime(TimeOnly.MinValue).AddDays(7 * scenario.Period.Weeks);
        var allowedFuture = new DateTimeOffset(end, TimeSpan.Zero) - DateTimeOffset.UtcNow + TimeSpan.FromDays(1);
        return await InProcessTarget.StartAsync($"stress-{index}", allowedFuture > TimeSpan.Zero ? allowedFuture : TimeSpan.FromMinutes(10));
    }
}

public sealed record StressVariant(string Name, SimulationResult Result, AlignmentChange? Change, StressFigures? Figures);

public sealed record StressResult(string Scenario, IReadOnlyList<StressVariant> Variants);
