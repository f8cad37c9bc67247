using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Simulator.Reporting;

/// <summary>One territory at the end of one simulated week, as the live system classified it.</summary>
public sealed record WeeklyRow(
    int Week,
    DateOnly WeekStart,
    string TerritoryId,
    string Territory,
    string? Region,
    ServiceStatus Status,
    double? Coverage,
    double Adherence,
    double DemandHours,
    double CapacityHours,
    double Revenue,
    double NetProfit);

/// <summary>The company's balance at the end of one simulated week.</summary>
public sealed record BalanceRow(
    int Week, DateOnly WeekStart, double WorkloadCv, double PotentialCv, double? Coverage, double WorkloadMaxMin = 1, double PotentialMaxMin = 1);

/// <summary>A simulation's result: every territory every week, and the balance every week.</summary>
public sealed record SimulationResult(string Scenario, IReadOnlyList<WeeklyRow> Territories, IReadOnlyList<BalanceRow> Balance, long Events, double Seconds)
{
    /// <summary>The company as simulated (its alignment, segments and plan start).</summary>
    public Domain.Company.CompanyDefinition? Company { get; init; }

    /// <summary>The generated activity, in event-time order (what the figures of a stress test are computed from).</summary>
    public IReadOnlyList<Contracts.Activity.ActivityEvent> Activity { get; init; } = [];

    /// <summary>The first day of the period (after the warm-up weeks).</summary>
    public DateTimeOffset PeriodStart { get; init; }

    /// <summary>Generated events the target refused (each with its reason at the target).</summary>
    public long Refused { get; init; }

    /// <summary>The events the territories' totals counted at the last week's reading: all of <see cref="Events"/> once the roll-ups drained.</summary>
    public long CountedByTerritories { get; init; }

    /// <summary>
    /// Weeks (warm-up weeks below 1) whose figures were read when the roll-ups had not delivered every accepted event
    /// within the wait: those weeks' figures fall short.
    /// </summary>
    public IReadOnlyList<int> WeeksNotDrained { get; init; } = [];

    /// <summary>What the console and the HTML report say of <see cref="WeeksNotDrained"/>; null when every week drained.</summary>
    public string? ShortWeeksWarning => WeeksNotDrained.Count == 0 ? null
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the territories had not counted every accepted event when {ShortWeeksNamed()} {(WeeksNotDrained.Count == 1 ? "was" : "were")} read (at the end {CountedByTerritories:N0} of {Events:N0}): those weeks' figures fall short");

    /// <summary>The period's weeks as numbered in the report, warm-up weeks by their place in the warm-up (week 0 is the last of them).</summary>
    private string ShortWeeksNamed()
    {
        var period = WeeksNotDrained.Where(w => w >= 1).ToList();
        var warmUp = WeeksNotDrained.Where(w => w < 1).Select(w => w + Running.SimulationRunner.WarmUpWeeks).ToList();
        string? Named(List<int> weeks, string noun, string suffix) =>
            weeks.Count == 0 ? null : $"{noun}{(weeks.Count == 1 ? "" : "s")} {string.Join(", ", weeks)}{suffix}";
        return string.Join(" and ", new[]
        {
            Named(period, "week", ""),
            Named(warmUp, "warm-up week", $" of {Running.SimulationRunner.WarmUpWeeks}"),
        }.OfType<string>());
    }
}
