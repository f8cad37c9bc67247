namespace TerritoryGrid.Application.Plans;

/// <summary>What applying a plan did: the alignment it switched to, what moved, and how long the switch took.</summary>
public sealed record PlanApplyResult(
    string PlanId,
    int AlignmentVersion,
    DateTimeOffset EffectiveAt,
    int AccountsMoved,
    double AccountValueMoved,
    int RepsMoved,
    int RepsAdded,
    int RepsRemoved,
    int TerritoriesAdded,
    int TerritoriesRemoved,
    double SwitchMilliseconds);
