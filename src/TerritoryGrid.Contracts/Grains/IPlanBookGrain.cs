using TerritoryGrid.Contracts.Plans;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>
/// A workspace's reassignment plans and their lifecycle (keyed by workspace). Steps are only ever added: a rollback
/// is a new plan, never a rewrite of history.
/// </summary>
[Alias("tg.IPlanBookGrain")]
public interface IPlanBookGrain : IGrainWithStringKey
{
    [Alias("Draft")]
    Task<PlanRecord> Draft(string name, byte[] document, string author, string? rollbackOf);

    [Alias("Get")]
    Task<PlanRecord?> Get(string planId);

    [Alias("List")]
    Task<PlanRecord[]> List();

    /// <summary>
    /// Moves a plan one step on: approve (by someone other than its author), schedule (with an effective time), applied
    /// (after its alignment switched). A step out of order, or an approval by the author, is refused with the reason.
    /// </summary>
    [Alias("Advance")]
    Task<PlanTransition> Advance(string planId, PlanStatus to, string by, DateTimeOffset? effectiveAt, string? detail);
}
