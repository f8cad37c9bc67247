using TerritoryGrid.Simulator.Reporting;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator.Running;

/// <summary>Batch mode: the scenario as fast as possible on a silo of its own, in this process.</summary>
public sealed class BatchRunner(Action<string>? progress = null)
{
    public async Task<SimulationResult> RunAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        // Simulated time may lie ahead of the wall clock: let the silo accept the whole period.
        var end = scenario.Period.Start.ToDateTime(TimeOnly.MinValue).AddDays(7 * scenario.Period.Weeks);
        var allowedFuture = new DateTimeOffset(end, TimeSpan.Zero) - DateTimeOffset.UtcNow + TimeSpan.FromDays(1);
        var workspace = $"sim-{Math.Abs(StableName(scenario.Name)) % 100_000}";
        await using var target = await InProcessTarget.StartAsync(workspace, allowedFuture > TimeSpan.Zero ? allowedFuture : TimeSpan.FromMinutes(10));
        return await new SimulationRunner(progress).RunAsync(scenario, target, daysPerSecond: null, cancellationToken);
    }

    private static int StableName(string name) => name.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
