using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Planning.Plans;

/// <summary>
/// Turns a plan and the company it is for into the company after it: every move is checked against the alignment the
/// moves before it made, and the result against the plan rules (no territory left without reps, no account left
/// without an owner, account limits, region boundaries) and the company rules. A plan with any problem is refused as
/// a whole, with every problem listed.
/// </summary>
public static class PlanCompiler
{
    public const int DefaultRampWeeks = 12;
    public const int MaxRampWeeks = 104;

    /// <summary>At most this many problems of one kind are listed; the rest are counted.</summary>
    private const int MaxListed = 20;

    public static PlanCompilation Compile(PlanDocument? plan, CompanyDefinition company, PlanningOptions options)
    {
        var problems = new List<PlanProblem>();
        if (plan is null)
        {
            return Refused(new PlanProblem("plan", "a plan object with a name and moves is required"));
        }

        if (string.IsNullOrWhiteSpace(plan.Name))
        {
            problems.Add(new PlanProblem("plan.name", "is required"));
        }
        else if (plan.Name.Length > CompanyValidator.MaxNameLength)
        {
            problems.Add(new PlanProblem("plan.name", $"is longer than {CompanyValidator.MaxNameLength} characters"));
        }

        if (plan.EffectiveAt is { } effectiveAt && !EffectiveTime.IsStartOfDay(effectiveAt))
        {
            problems.Add(new PlanProblem("plan.effectiveAt", $"{effectiveAt:O} must be the start of a day (00:00 UTC): a plan takes effect from a whole day"));
        }

        var moves = plan.Moves ?? [];
        if (moves.Count == 0)
        {
            problems.Add(new PlanProblem("plan.moves", "a plan needs at least one move"));
        }
        else if (moves.Count > options.MaxMoves)
        {
            problems.Add(new PlanProblem("plan.moves", $"{moves.Count} moves is more than the limit of {options.MaxMoves} (Planning:MaxMoves)"));
            return new PlanCompilation(null, null, problems);
        }

        var alignment = new WorkingAlignment(company, options, problems);
        for (var i = 0; i < moves.Count; i++)
        {
            alignment.Apply(i, moves[i]);
        }

        alignment.CheckResult(MaxListed);
        if (problems.Count > 0)
        {
            return new PlanCompilation(null, null, problems);
        }

        var after = alignment.ToCompany();
        foreach (var error in CompanyValidator.Validate(after))
        {
            problems.Add(new PlanProblem("company after the plan", error.ToString()));
        }

        return problems.Count > 0
            ? new PlanCompilation(null, null, problems)
            : new PlanCompilation(after, AlignmentChange.Between(company, after, alignment.RampWeeks), []);
    }

    private static PlanCompilation Refused(PlanProblem problem) => new(null, null, [problem]);
}

/// <summary>The company a valid plan makes and what changes; or why the plan is refused.</summary>
public sealed record PlanCompilation(CompanyDefinition? After, AlignmentChange? Change, IReadOnlyList<PlanProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
