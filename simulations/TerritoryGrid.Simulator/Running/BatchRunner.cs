using Stopwatch = System.Diagnostics.Stopwatch;
using Microsoft.Extensions.DependencyInjection;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Application.Queries;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Simulator.Reporting;
using TerritoryGrid.Simulator.Scenarios;
using TerritoryGrid.Synthetic.Companies;
using TerritoryGrid.Synthetic.History;

namespace TerritoryGrid.Simulator.Running;

/// <summary>
/// Runs a scenario as fast as possible on a self-hosted silo: generates the company and its activity under the
/// season, ingests it week by week through the normal ingest path into a sandbox workspace, and records each
/// territory's status and figures at the end of every week. Four weeks before the period warm the windows up.
/// </summary>
public sealed class BatchRunner(Action<string>? progress = null)
{
    private const int WarmUpWeeks = 4;
    private const int BatchSize = 5_000;

    public async Task<SimulationResult> RunAsync(Scenario scenario, CancellationToken cancellationToken = default)
    {
        var start = new DateTimeOffset(scenario.Period.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var planStart = start.AddDays(-7 * WarmUpWeeks);
        var end = start.AddDays(7 * scenario.Period.Weeks);
        var company = CompanyGenerator.Generate(new CompanySpec
        {
            Seed = scenario.Company.Seed, Name = scenario.Name, TerritoryCount = scenario.Company.Territories, RepCount = scenario.Company.Reps,
            AccountCount = scenario.Company.Accounts, PlanStart = planStart,
            LowestCoverage = scenario.Company.LowestCoverage, HighestCoverage = scenario.Company.HighestCoverage,
        });
        var season = new SeasonalModel(scenario, company);
        var events = HistoryGenerator.Generate(company, new HistorySpec(planStart, end, scenario.Seed) { DemandMultiplierAt = season.Multiplier });

        var allowedFuture = end - DateTimeOffset.UtcNow + TimeSpan.FromDays(1);
        using var host = await SimulationHost.StartAsync(allowedFuture > TimeSpan.Zero ? allowedFuture : TimeSpan.FromMinutes(10));
        var loader = host.Services.GetRequiredService<CompanyLoader>();
        var ingestor = host.Services.GetRequiredService<ActivityIngestor>();
        var reader = host.Services.GetRequiredService<MetricsReader>();
        var workspace = $"sim-{Math.Abs(scenario.Name.GetHashCode(StringComparison.Ordinal)) % 100000}";
        var loaded = await loader.LoadAsync(workspace, company, cancellationToken);
        if (!loaded.Succeeded)
        {
            throw new InvalidOperationException($"The generated company is invalid: {string.Join("; ", loaded.Errors.Take(5))}");
        }

        var rows = new List<WeeklyRow>();
        var balance = new List<BalanceRow>();
        var watch = Stopwatch.StartNew();
        var next = 0;
        long accepted = 0;
        var previousRevenue = new Dictionary<string, (double Revenue, double NetProfit)>();
        for (var week = -WarmUpWeeks; week < scenario.Period.Weeks; week++)
        {
            var weekEnd = start.AddDays(7 * (week + 1));
            var weekEvents = new List<ActivityEvent>();
            while (next < events.Count && events[next].OccurredAt < weekEnd)
            {
                weekEvents.Add(events[next++]);
            }

            foreach (var batch in weekEvents.Chunk(BatchSize))
            {
                accepted += (await ingestor.IngestAsync(workspace, batch)).Accepted;
            }

            var territories = await DrainedAsync(reader, workspace, accepted, cancellationToken);
            progress?.Invoke($"week {week + 1,3}/{scenario.Period.Weeks} {weekEnd.AddDays(-7):yyyy-MM-dd}  {accepted,10:N0} events  {accepted / watch.Elapsed.TotalSeconds,9:N0} events/s  {(week + 1 + WarmUpWeeks) * 7 / watch.Elapsed.TotalSeconds,6:N1} simulated days/s");
            if (week < 0)
            {
                foreach (var t in territories)
                {
                    previousRevenue[t.Id] = (t.Totals.Revenue, t.NetProfit);
                }

                continue;
            }

            var weekStart = DateOnly.FromDateTime(weekEnd.AddDays(-7).UtcDateTime);
            foreach (var t in territories)
            {
                var (revenue, netProfit) = previousRevenue.GetValueOrDefault(t.Id);
                rows.Add(new WeeklyRow(week + 1, weekStart, t.Id, t.Name, t.Region, t.Status, t.Coverage, t.Adherence, t.DemandHours,
                    t.CapacityHours, t.Totals.Revenue - revenue, t.NetProfit - netProfit));
                previousRevenue[t.Id] = (t.Totals.Revenue, t.NetProfit);
            }

            var companyBalance = await reader.BalanceAsync(workspace);
            balance.Add(new BalanceRow(week + 1, weekStart, companyBalance.WorkloadPerRep.CoefficientOfVariation,
                companyBalance.PotentialPerRep.CoefficientOfVariation, companyBalance.Coverage));
        }

        await host.StopAsync(cancellationToken);
        return new SimulationResult(scenario.Name, rows, balance, accepted, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Waits until the territories count every accepted event (roll-ups drained), then returns their figures.</summary>
    private static async Task<IReadOnlyList<Contracts.Metrics.TerritoryMetrics>> DrainedAsync(
        MetricsReader reader, string workspace, long accepted, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var territories = await reader.TerritoriesAsync(workspace);
            if (territories.Sum(t => t.Totals.Events) >= accepted || DateTime.UtcNow > deadline)
            {
                return territories;
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
