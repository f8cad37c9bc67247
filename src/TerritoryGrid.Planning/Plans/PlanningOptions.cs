namespace TerritoryGrid.Planning.Plans;

/// <summary>Rules every plan must keep (configuration section <c>Planning</c>).</summary>
public sealed class PlanningOptions
{
    public const string Section = "Planning";

    /// <summary>Most accounts one rep may own after a plan; 0: no limit.</summary>
    public int MaxAccountsPerRep { get; set; }

    /// <summary>When true, an account may only move to a territory of the same region (the boundary rule).</summary>
    public bool KeepRegions { get; set; }

    /// <summary>Most moves in one plan (a bound on validation and apply work).</summary>
    public int MaxMoves { get; set; } = 100_000;
}
