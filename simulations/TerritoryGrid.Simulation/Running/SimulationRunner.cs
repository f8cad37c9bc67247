using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Metrics;
using TerritoryGrid.Simulator.Reporting;
using TerritoryGrid.Simulator.Scenarios;
using TerritoryGrid.Synthetic.Companies;
using TerritoryGrid.Synthetic.History;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace TerritoryGrid.Simulator.Running;

/// <summary>
/// Runs a scenario against a target: generates the company and its activity under the season, ingests it day by day
/// through the normal ingest path (as fast as possible, or at <c>daysPerSecond</c>), and records each territory's
/// status and figures at the end of every week. Four weeks before the period warm the rolling windows up.
/// </summary>
public sealed class SimulationRunner(Action<string>? progress = null)
{
    public const int WarmUpWeeks = 4;

    /// <param name="realign">Changes the alignment of the scenario's company before anything is generated (a plan
    /// under stress test): the same seed gives every account the same demand, and delivery follows the new alignment;
    /// reps the plan adds ramp up from the plan start.</param>
    /// <param name="maxEventsPerSecond">Caps the rate events are sent at (a stress test on a running server).</param>
    public async Task<SimulationResult> RunAsync(
        Scenario scenario, ISimulationTarget target, double? daysPerSecond = null, CancellationToken cancellationToken = default,
        Func<Domain.Company.CompanyDefinition, Realignment>? realign = null, double? maxEventsPerSecond = null)
    {
        var start = new DateTimeOffset(scenario.Period.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var planStart = start.AddDays(-7 * WarmUpWeeks);
        var end = start.AddDays(7 * scenario.Period.Weeks);
        var company = await ResolveCompanyAsync(scenario, target, planStart, cancellationToken);
        var realigned = realign?.Invoke(company);
        company = realigned?.Company ?? company;
        var season = new SeasonalModel(scenario, company);
        var roster = new RosterPlan(scenario, company);
        foreach (var (repId, weeks) in realigned?.RampWeeks ?? new Dictionary<string, int>())
        {
            if (weeks > 0)
            {
                roster.AddRamp(company.Reps.First(r => r.Id == repId), planStart, weeks);
            }
        }

        var events = HistoryGenerator.Generate(company, new HistorySpec(planStart, end, scenario.Seed)
        {
            DemandMultiplierAt = season.Multiplier,
            CapacityAt = roster.Changes.Count == 0 ? null : roster.CapacityAt,
        });
        await target.LoadAsync(company, cancellationToken);
        // Roster changes are effective-dated: the system uses each in its own days, so they can all be applied now.
        await target.ApplyRosterAsync(roster.Changes, cancellationToken);

        var rows = new List<WeeklyRow>();
        var balance = new List<BalanceRow>();
        var watch = Stopwatch.StartNew();
        var next = 0;
        long accepted = 0;
        long withRep = 0;
        long refusedCount = 0;
        long counted = 0;
        var weeksNotDrained = new List<int>();
        var previous = new Dictionary<string, (double Revenue, double NetProfit)>();
        var totalDays = (int)(end - planStart).TotalDays;
        for (var day = 1; day <= totalDays; day++)
        {
            var dayEnd = planStart.AddDays(day);
            var dayEvents = new List<ActivityEvent>();
            while (next < events.Count && events[next].OccurredAt < dayEnd)
            {
                dayEvents.Add(events[next++]);
            }

            if (dayEvents.Count > 0)
            {
                var (dayAccepted, dayRefused) = await target.IngestAsync(dayEvents, cancellationToken);
                accepted += dayAccepted;
                refusedCount += dayRefused.Count;
                withRep += dayEvents.Where((e, i) => e.RepId is not null && !dayRefused.Contains(i)).Count();
            }

            if (maxEventsPerSecond is { } cap && watch.Elapsed.TotalSeconds < next / cap)
            {
                // A stress test on a live server leaves the machine to live monitoring beyond its share.
                await Task.Delay(TimeSpan.FromSeconds(next / cap) - watch.Elapsed, cancellationToken);
            }

            if (daysPerSecond is { } pace && watch.Elapsed.TotalSeconds < day / pace)
            {
                await Task.Delay(TimeSpan.FromSeconds(day / pace) - watch.Elapsed, cancellationToken);
            }

            if (day % 7 != 0)
            {
                continue;
            }

            var week = day / 7 - WarmUpWeeks;
            await target.DeliverRollupsAsync(cancellationToken);
            var territories = await DrainedAsync(target, accepted, cancellationToken);
            counted = territories.Sum(t => t.Totals.Events);
            if (counted < accepted)
            {
                weeksNotDrained.Add(week);
            }

            progress?.Invoke($"week {week,3}/{scenario.Period.Weeks} {dayEnd.AddDays(-7):yyyy-MM-dd}  {accepted,10:N0} events  {accepted / watch.Elapsed.TotalSeconds,9:N0} events/s  {day / watch.Elapsed.TotalSeconds,6:N1} simulated days/s");
            if (week >= 1)
            {
                Record(week, DateOnly.FromDateTime(dayEnd.AddDays(-7).UtcDateTime), territories, previous, rows);
                var companyBalance = await RepsDrainedAsync(target, withRep, cancellationToken);
                balance.Add(new BalanceRow(week, DateOnly.FromDateTime(dayEnd.AddDays(-7).UtcDateTime), companyBalance.WorkloadPerRep.CoefficientOfVariation,
                    companyBalance.PotentialPerRep.CoefficientOfVariation, companyBalance.Coverage,
                    companyBalance.WorkloadPerRep.MaxMinRatio, companyBalance.PotentialPerRep.MaxMinRatio));
            }
            else
            {
                foreach (var t in territories)
                {
                    previous[t.Id] = (t.Totals.Revenue, t.NetProfit);
                }
            }
        }

        return new SimulationResult(scenario.Name, rows, balance, accepted, watch.Elapsed.TotalSeconds)
        {
            Company = company, Activity = events, PeriodStart = start,
            Refused = refusedCount, CountedByTerritories = counted, WeeksNotDrained = weeksNotDrained,
        };
    }

    /// <summary>The scenario's company: generated, read from a file, or copied from a workspace of the target; its plan starts with the simulation.</summary>
    private static async Task<Domain.Company.CompanyDefinition> ResolveCompanyAsync(
        Scenario scenario, ISimulationTarget target, DateTimeOffset planStart, CancellationToken cancellationToken)
    {
        var spec = scenario.Company;
        Domain.Company.CompanyDefinition? company;
        if (spec.FromWorkspace is { } workspace)
        {
            company = await target.ReadCompanyAsync(workspace, cancellationToken) ?? throw new ScenarioException(
                [new ScenarioError("scenario", "$.company.fromWorkspace", $"workspace '{workspace}' has no company here (fromWorkspace needs live mode, --live URL)")]);
        }
        else if (spec.FromFile is { } file)
        {
            company = System.Text.Json.JsonSerializer.Deserialize<Domain.Company.CompanyDefinition>(File.ReadAllBytes(file), Application.TerritoryGridJson.Options);
            var errors = Domain.Company.CompanyValidator.Validate(company);
            if (errors.Count > 0)
            {
                throw new ScenarioException([.. errors.Take(20).Select(e => new ScenarioError(file, $"{e.Entity} '{e.Id}'.{e.Field}", e.Message))]);
            }
        }
        else
        {
            return CompanyGenerator.Generate(new CompanySpec
            {
                Seed = spec.Seed, Name = scenario.Name, TerritoryCount = spec.Territories, RepCount = spec.Reps,
                AccountCount = spec.Accounts, PlanStart = planStart,
                LowestCoverage = spec.LowestCoverage, HighestCoverage = spec.HighestCoverage,
            });
        }

        // Activity follows segments: derive the missing ones the way the server does.
        var segments = Domain.Accounts.Segmenter.Assign(company!.Accounts, a => a.Id, a => a.AnnualRevenue - a.AnnualCostToServe, new Domain.Accounts.SegmentationOptions());
        return company with
        {
            PlanStart = planStart,
            Accounts = [.. company.Accounts.Select(a => a.Segment is null ? a with { Segment = segments[a.Id] } : a)],
        };
    }

    private static void Record(int week, DateOnly weekStart, IReadOnlyList<TerritoryMetrics> territories,
        Dictionary<string, (double Revenue, double NetProfit)> previous, List<WeeklyRow> rows)
    {
        foreach (var t in territories)
        {
            var (revenue, netProfit) = previous.GetValueOrDefault(t.Id);
            rows.Add(new WeeklyRow(week, weekStart, t.Id, t.Name, t.Region, t.Status, t.Coverage, t.Adherence, t.DemandHours,
                t.CapacityHours, t.Totals.Revenue - revenue, t.NetProfit - netProfit));
            previous[t.Id] = (t.Totals.Revenue, t.NetProfit);
        }
    }

    /// <summary>Waits until the reps (rolled up less often than territories) have been credited with every event that named one.</summary>
    private static async Task<Application.Queries.CompanyBalance> RepsDrainedAsync(ISimulationTarget target, long withRep, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var balance = await target.BalanceAsync(cancellationToken);
            if (balance.RepActivityEvents >= withRep || DateTime.UtcNow > deadline)
            {
                return balance;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>Waits until the territories count every accepted event (roll-ups drained), then returns their figures.</summary>
    private static async Task<IReadOnlyList<TerritoryMetrics>> DrainedAsync(ISimulationTarget target, long accepted, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var territories = await target.TerritoriesAsync(cancellationToken);
            if (territories.Sum(t => t.Totals.Events) >= accepted || DateTime.UtcNow > deadline)
            {
                return territories;
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
