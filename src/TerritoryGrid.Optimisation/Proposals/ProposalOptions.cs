namespace TerritoryGrid.Optimisation.Proposals;

/// <summary>What a proposed plan may do and what it aims for. Defaults follow issue #8 and DOMAIN.md.</summary>
public sealed record ProposalOptions
{
    /// <summary>Most account value (trailing-12-month revenue) that may change owner, as a share of the company's. The default is 0.05.</summary>
    public double DisruptionBudget { get; init; } = 0.05;

    /// <summary>
    /// Most accounts that may change owner, as a share of the company's; null (the default): no limit. The value
    /// budget alone lets accounts without revenue yet (prospects) move for nothing.
    /// </summary>
    public double? MaxShareOfAccountsMoved { get; init; }

    /// <summary>
    /// No rep is given accounts that take their utilisation (demand ÷ capacity) above this; a rep already above it at
    /// the start may keep what they have but gets nothing that adds to it. The default is 1.1.
    /// </summary>
    public double MaxUtilisation { get; init; } = 1.1;

    /// <summary>
    /// No rep is left below this share of the company's utilisation (the target) by giving accounts away; a rep
    /// already below it gives nothing away. Without it, the imbalance measure (a sum of absolute deviations) would
    /// accept emptying one rep to even out two others, and max/min would blow up. The default is 0.5.
    /// </summary>
    public double MinShareOfTarget { get; init; } = 0.5;

    /// <summary>Most accounts one rep may own after the plan (as Planning:MaxAccountsPerRep); null or 0: no limit.</summary>
    public int? MaxAccountsPerRep { get; init; }

    /// <summary>When true, an account only moves to a rep whose territory is in the same region (as Planning:KeepRegions).</summary>
    public bool KeepRegions { get; init; }

    /// <summary>
    /// Weight of compactness (mean one-way travel hours from owner's home to account) beside imbalance (mean absolute
    /// deviation of utilisation from the company's). Small, so balance comes first and travel breaks ties. The default is 0.05.
    /// </summary>
    public double CompactnessWeight { get; init; } = 0.05;

    /// <summary>Relationship strength (e.g. touches with the current owner) from which an account counts as strongly held. The default is 8.</summary>
    public double StrongRelationshipAt { get; init; } = 8;

    /// <summary>When false (the default), an account with a strong relationship to its owner never moves.</summary>
    public bool MayMoveStrongRelationships { get; init; }

    /// <summary>Reps considered for each account: its owner and this many nearest reps (by home) it may go to. The default is 12.</summary>
    public int CandidateReps { get; init; } = 12;

    /// <summary>
    /// Perturb-and-repair rounds after the greedy descent, each kept only when it improves the objective. Large
    /// companies get fewer (bounded by <see cref="SearchWork"/>). The default is 2,000.
    /// </summary>
    public int ImprovementRounds { get; init; } = 2_000;

    /// <summary>Bound on move evaluations across the improvement rounds (a 100,000-account proposal takes about 7 s on 2 cores). The default is 100 million.</summary>
    public long SearchWork { get; init; } = 100_000_000;

    /// <summary>Seed of the perturbations: the same company and options always give the same plan.</summary>
    public int Seed { get; init; } = 8;

    /// <summary>Name of the proposed plan; the default says what it is.</summary>
    public string PlanName { get; init; } = "Proposed rebalance";
}
