using TerritoryGrid.Simulator.Reporting;
using TerritoryGrid.Simulator.Scenarios;

namespace TerritoryGrid.Simulator.Running;

/// <summary>
/// Live mode: the scenario against a running TerritoryGrid over HTTP, into a sandbox workspace, at a chosen time
/// compression, so the dashboard shows the season unfolding. The server refuses events from the future, so the
/// scenario is moved to end today (its shocks and rep events move with it).
/// </summary>
public sealed class LiveRunner(Action<string>? progress = null)
{
    public async Task<SimulationResult> RunAsync(
        Scenario scenario, Uri server, string workspace, double daysPerSecond, string? apiKey = null, CancellationToken cancellationToken = default)
    {
        var moved = EndingToday(scenario, DateOnly.FromDateTime(DateTime.UtcNow));
        await using var target = new HttpTarget(server, workspace, apiKey);
        return await new SimulationRunner(progress).RunAsync(moved, target, daysPerSecond, cancellationToken);
    }

    /// <summary>The same scenario shifted by whole weeks so its period ends on or before <paramref name="today"/>.</summary>
    public static Scenario EndingToday(Scenario scenario, DateOnly today)
    {
        var end = scenario.Period.Start.AddDays(7 * scenario.Period.Weeks);
        var shift = (int)Math.Floor((today.DayNumber - end.DayNumber) / 7.0) * 7;
        return scenario with
        {
            Period = scenario.Period with { Start = scenario.Period.Start.AddDays(shift) },
            Shocks = [.. (scenario.Shocks ?? []).Select(s => s with { From = s.From.AddDays(shift), To = s.To.AddDays(shift) })],
            RepEvents = [.. (scenario.RepEvents ?? []).Select(r => r with { From = r.From.AddDays(shift), To = r.To?.AddDays(shift) })],
        };
    }
}
