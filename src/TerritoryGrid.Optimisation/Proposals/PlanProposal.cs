using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Optimisation.Proposals;

/// <summary>
/// A proposed plan (only <c>moveAccount</c> moves; none when nothing improves within the rules) and its figures
/// against the starting alignment.
/// </summary>
/// <param name="TargetUtilisation">The company's starting demand ÷ capacity: the level every rep is steered towards.</param>
/// <param name="ValueBudget">The most account value the plan could move (disruption budget × the company's account value).</param>
public sealed record PlanProposal(
    PlanDocument Plan,
    AlignmentFigures Before,
    AlignmentFigures After,
    int AccountsMoved,
    double ValueMoved,
    double ValueBudget,
    double TargetUtilisation)
{
    /// <summary>Objective improvement as a share of the starting objective (0 when nothing moved).</summary>
    public double Improvement => Before.Objective <= 0 ? 0 : (Before.Objective - After.Objective) / Before.Objective;
}
