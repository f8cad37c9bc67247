namespace TerritoryGrid.Planning.Plans;

/// <summary>
/// A reassignment plan as its author writes it: a name, an optional effective time in event time (required before it
/// is scheduled), and moves applied in order, each to the alignment the moves before it made.
/// </summary>
public sealed record PlanDocument(
    string? Name,
    IReadOnlyList<PlanMove?>? Moves,
    string? Description = null,
    DateTimeOffset? EffectiveAt = null);
