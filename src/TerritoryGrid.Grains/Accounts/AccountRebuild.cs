namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// Takes an account back to how it stood before its first event, for a rebuild that replays its activity log from the
/// first record: a fresh state that keeps only what the account knows of its alignment — its setup, the periods it
/// belonged elsewhere (their credit emptied, to be earned again by the replay), the plans that moved it and a move in
/// preparation, when it was orphaned and closed — and its contribution numbering, which must keep rising. Everything else starts as for a new account,
/// so a field added to the state later is reset without being listed here.
/// </summary>
internal static class AccountRebuild
{
    public static AccountState Forgetting(AccountState state) => new()
    {
        Version = state.Version,
        Setup = state.Setup,
        Stage = state.Setup?.Stage ?? default,
        Sequence = state.Sequence,
        AssignedFrom = state.AssignedFrom,
        OrphanedFrom = state.OrphanedFrom,
        OrphanedUntil = state.OrphanedUntil,
        ClosedAt = state.ClosedAt,
        CommittedPlans = state.CommittedPlans,
        FormerAssignments = state.FormerAssignments?.Select(former => new FormerAssignment
        {
            TerritoryId = former.TerritoryId, OwnerRepId = former.OwnerRepId, From = former.From, Until = former.Until,
        }).ToList(),
        PendingSwitch = state.PendingSwitch is { } pending ? new PendingSwitch { PlanId = pending.PlanId, EffectiveAt = pending.EffectiveAt } : null,
    };
}
