namespace TerritoryGrid.Planning.Plans;

/// <summary>One reason a plan is refused: where (<c>moves[3].accountId</c>, or <c>plan</c> for the whole) and what.</summary>
public sealed record PlanProblem(string Where, string Message)
{
    public override string ToString() => $"{Where}: {Message}";
}
