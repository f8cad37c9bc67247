using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Application.Plans;

/// <summary>The answer to a plan request: the plan, or every problem with it, or why the step is out of order, or no such plan.</summary>
public sealed record PlanOutcome(PlanView? Plan, IReadOnlyList<PlanProblem> Problems, string? ConflictReason, string? MissingPlan)
{
    public static PlanOutcome Done(PlanView plan) => new(plan, [], null, null);

    public static PlanOutcome Refused(IReadOnlyList<PlanProblem> problems) => new(null, problems, null, null);

    public static PlanOutcome Conflict(string reason) => new(null, [], reason, null);

    public static PlanOutcome Missing(string planId) => new(null, [], null, planId);
}
