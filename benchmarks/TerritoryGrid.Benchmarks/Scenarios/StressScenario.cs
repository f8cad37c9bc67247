using System.Diagnostics;
using TerritoryGrid.Benchmarks.References;
using TerritoryGrid.Benchmarks.Reporting;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Optimisation.Proposals;
using TerritoryGrid.Planning.Plans;
using TerritoryGrid.Simulator.Stress;
using TerritoryGrid.Synthetic.Companies;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5a, a plan stress test: the scenario against today's alignment and three plans (hires in the first region,
/// the optimiser's proposal, two territories merged), each a simulated year through the real grains and ingest path,
/// timed as one run. The counts that must hold: every alignment simulated every week, and the baseline moved nothing.
/// </summary>
internal static class StressScenario
{
    public static readonly SimulatedCompany Full = new(20, 400, 20_000, 52);
    public static readonly SimulatedCompany Quick = new(4, 40, 1_000, 4);

    public static async Task<bool> RunAsync(SimulatedCompany size)
    {
        var scenario = size.Scenario("benchmark year");
        var company = CompanyGenerator.Generate(new CompanySpec
        {
            Seed = SimulatedCompany.CompanySeed, TerritoryCount = size.Territories, RepCount = size.Reps, AccountCount = size.Accounts,
        });
        var plans = Plans(company);
        var watch = Stopwatch.StartNew();
        var result = await new StressTest().RunAsync(scenario, plans);
        var seconds = watch.Elapsed.TotalSeconds;

        var exact = result.Variants.Count == plans.Count + 1 &&
                    result.Variants.All(v => v.Result.Balance.Count == size.Weeks) &&
                    result.Variants[0].Figures!.AccountsMoved == 0;
        if (!exact)
        {
            Console.Error.WriteLine("COUNT WRONG: an alignment of the stress test did not simulate every week, or the baseline moved accounts");
        }

        var events = result.Variants.Sum(v => v.Figures!.Events);

        // The references over the baseline's events: each alignment ingests about as many.
        var baseline = result.Variants[0].Result;
        ReferenceRates references;
        await using (var host = new BenchHost("Memory"))
        {
            references = await ReferenceRates.MeasureAsync(SimulatedEvents.Compact(baseline.Company!, baseline.Activity), host.Grains);
        }

        exact &= references.NaiveCountedAll;
        var rates = new ResultTable();
        references.AddTo(rates);
        references.Add(rates, $"TerritoryGrid stress test: {plans.Count + 1} alignments, each {size.Weeks} simulated weeks on silos of its own ({seconds:0.0} s)", events / seconds);
        rates.Print($"Scenario 5a: stress test rate beside the references over the baseline's {baseline.Activity.Count:N0} events");
        var rows = result.Variants.Select(v => v.Figures!).Select(f => new[]
        {
            f.Variant, $"{f.TerritoryWeeksUnderServed} / {f.TerritoryWeeksOverServed}", $"{f.MeanWorkloadCv:0.000}", $"{f.AccountsMoved:N0}", $"{f.RevenueAtRisk:N0}",
        }).ToList();
        MarkdownTable.Print($"Scenario 5a: stress test, baseline + {plans.Count} plans, {size.Weeks} weeks of {size.Accounts:N0} accounts: {seconds:0.0} s ({events:N0} events, {events / seconds:N0} events/s)",
            ["alignment", "territory-weeks under / over", "workload CV", "accounts moved", "revenue at risk"], rows);
        return exact;
    }

    private static List<(string, PlanDocument)> Plans(CompanyDefinition company)
    {
        var region = company.Territories[0].Region;
        var hires = company.Territories.Where(t => t.Region == region).SelectMany(t => Enumerable.Range(1, 2).Select(i =>
            new PlanMove(PlanMoveKinds.AddRep, Rep: new RepDefinition($"{t.Id}-hire-{i}", $"Hire {i}", t.Id, RepRole.Inside,
                company.Reps.First(r => r.TerritoryId == t.Id).Home), RampWeeks: 0))).ToList();
        var proposal = PlanProposer.Propose(company, new ProposalOptions { MaxShareOfAccountsMoved = 0.05 });
        var merge = new PlanMove(PlanMoveKinds.MergeTerritories, TerritoryId: company.Territories[^1].Id, ToTerritoryId: company.Territories[^2].Id);
        return
        [
            ($"hire in {region}", new PlanDocument($"Hire in {region}", hires)),
            ("optimiser proposal", proposal.Plan),
            ("merge the last territory", new PlanDocument("Merge", [merge])),
        ];
    }
}
