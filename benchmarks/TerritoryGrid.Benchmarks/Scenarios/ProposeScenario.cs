using System.Diagnostics;
using System.Globalization;
using TerritoryGrid.Benchmarks.Reporting;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Optimisation.Proposals;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5b, the optimiser (issue #8): a proposed plan for a generated company, timed, and its quality against the
/// starting alignment (large companies have no exact optimum to compare with; small ones are compared with one in
/// the optimiser's tests). The counts that must hold: the plan compiles, moves no more value than the budget and does
/// not worsen the objective. No process, no server: the optimiser is plain C#.
/// </summary>
internal static class ProposeScenario
{
    /// <summary><paramref name="ImprovementRounds"/>: null for the optimiser's default (its search work is bounded, not its company size, so a small company alone does not make a quick run).</summary>
    public sealed record Size(int Territories, int Reps, int Accounts, int? ImprovementRounds = null);

    public static readonly Size Full = new(100, 1_000, 100_000);
    public static readonly Size Quick = new(10, 50, 2_000, ImprovementRounds: 200);

    public static bool Run(Size size)
    {
        var generate = Stopwatch.StartNew();
        var company = BenchCompany.Generate(size.Territories, size.Reps, size.Accounts).Company;
        var generateSeconds = generate.Elapsed.TotalSeconds;
        // The defaults, then with an account-count budget beside the value budget (prospects move for nothing otherwise).
        var (defaults, rounded) = size.ImprovementRounds is { } rounds
            ? (new ProposalOptions { ImprovementRounds = rounds }, $", {rounds:N0} improvement rounds")
            : (new ProposalOptions(), "");
        return Propose(size, company, generateSeconds, defaults, $"default options{rounded}")
               & Propose(size, company, generateSeconds, defaults with { MaxShareOfAccountsMoved = 0.05 }, $"at most 5% of accounts moved{rounded}");
    }

    private static bool Propose(Size size, CompanyDefinition company, double generateSeconds, ProposalOptions options, string label)
    {
        var run = Stopwatch.StartNew();
        var proposal = PlanProposer.Propose(company, options);
        var seconds = run.Elapsed.TotalSeconds;
        var compiled = PlanCompiler.Compile(proposal.Plan, company, new PlanningOptions());

        var (before, after) = (proposal.Before, proposal.After);
        var table = new FigureTable();
        table.Add("company", $"{size.Accounts:N0} accounts, {size.Reps:N0} reps, {size.Territories:N0} territories", $"generated in {generateSeconds:0.0} s");
        table.Add("time to propose", $"{seconds:0.00} s", $"{Environment.ProcessorCount} cores");
        table.Add("accounts moved", $"{proposal.AccountsMoved:N0} ({(double)proposal.AccountsMoved / size.Accounts:P1})", $"value {proposal.ValueMoved:N0} of a {proposal.ValueBudget:N0} budget ({proposal.ValueMoved / proposal.ValueBudget:P1})");
        table.Add("objective", $"{before.Objective:0.0000} → {after.Objective:0.0000}", $"{proposal.Improvement:P1} better than the starting alignment");
        table.Add("imbalance (mean absolute deviation from target)", $"{before.Imbalance:0.0000} → {after.Imbalance:0.0000}", $"target utilisation {proposal.TargetUtilisation:0.000}");
        table.Add("utilisation CV", $"{before.UtilisationCv:0.000} → {after.UtilisationCv:0.000}", "");
        table.Add("utilisation max/min", $"{before.UtilisationMaxMin:0.00} → {after.UtilisationMaxMin:0.00}", "");
        table.Add("mean travel, owner's home to account", string.Create(CultureInfo.InvariantCulture, $"{before.MeanTravelKm:0.0} → {after.MeanTravelKm:0.0} km"),
            $"{before.MeanTravelHours:0.000} → {after.MeanTravelHours:0.000} h one way");
        table.Print($"Scenario 5b: proposed plan (optimiser), {label}");

        var exact = compiled.IsValid && compiled.Change!.AccountValueMoved <= proposal.ValueBudget && after.Objective <= before.Objective;
        if (!exact)
        {
            Console.Error.WriteLine($"COUNT WRONG: proposed plan valid {compiled.IsValid} ({string.Join("; ", compiled.Problems.Take(3))}), " +
                                    $"value moved {compiled.Change?.AccountValueMoved:N0} of {proposal.ValueBudget:N0}, objective {before.Objective} → {after.Objective}");
        }

        return exact;
    }
}
