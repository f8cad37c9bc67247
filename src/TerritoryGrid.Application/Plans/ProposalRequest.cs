namespace TerritoryGrid.Application.Plans;

/// <summary>
/// What to ask the optimiser for. Unset fields take the optimiser's defaults; the region rule and account limit are
/// always this deployment's plan rules (Planning:KeepRegions, Planning:MaxAccountsPerRep), so a proposal compiles.
/// </summary>
public sealed record ProposalRequest(
    string? Name = null,
    double? DisruptionBudget = null,
    double? MaxShareOfAccountsMoved = null,
    double? MaxUtilisation = null,
    double? CompactnessWeight = null,
    double? StrongRelationshipAt = null,
    bool? MayMoveStrongRelationships = null,
    DateTimeOffset? EffectiveAt = null);
