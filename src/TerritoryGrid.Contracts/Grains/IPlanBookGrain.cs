using TerritoryGrid.Contracts.Plans;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>
/// A workspace's reassignment plans and their lifecycle (keyed by workspace). Steps are only ever added: a rollback
/// is a new plan, never a rewrite of history.
/// </summary>
[Alias("tg.IPlanBookGrain")]
public interface IPlanBookGrain : IGrainWithStringKey, IStateTransfer
{
    [Alias("Draft")]
    Task<PlanRecord> Draft(string name, byte[] document, string author, string? rollbackOf);

    [Alias("Get")]
    Task<PlanRecord?> Get(string planId);

    [Alias("List")]
    Task<PlanRecord[]> List();

    /// <summary>
    /// Claims a scheduled plan's application for one caller: true for the first (another silo's scheduler, or an admin
    /// at the same moment, gets false) until <see cref="Release"/> or the claim is 15 minutes old.
    /// </summary>
    [Alias("Claim")]
    Task<bool> Claim(string planId, string by);

    [Alias("Release")]
    Task Release(string planId);

    /// <summary>
    /// Moves a plan one step on: approve (by someone other than its author), schedule (with an effective time), applied
    /// (after its alignment switched). A step out of order, or an approval by the author, is refused with the reason.
    /// </summary>
    [Alias("Advance")]
    Task<PlanTransition> Advance(string planId, PlanStatus to, string by, DateTimeOffset? effectiveAt, string? detail);
}
