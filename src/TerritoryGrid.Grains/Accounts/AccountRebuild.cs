namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// Takes an account back to how it stood before its first event, for a rebuild that replays its activity log from the
/// first record. What the account knows of its alignment stays: its setup, the periods it belonged elsewhere (their
/// credit emptied, to be earned again by the replay), the plans that moved it and a move in preparation.
/// </summary>
internal static class AccountRebuild
{
    public static void Forget(AccountState state)
    {
        state.Totals = default;
        state.RevenueByProduct.Clear();
        state.ByRep.Clear();
        state.Leads.Clear();
        state.Opportunities.Clear();
        state.TouchesByDay.Clear();
        state.TotalsByDay.Clear();
        state.SeenEvents.Clear();
        state.ForgottenThroughDay = int.MinValue;
        state.Watermark = null;
        state.LastContactAt = null;
        state.Stage = state.Setup?.Stage ?? default;
        state.ClosedOpportunities.Clear();
        state.IsNewCustomer = false;
        state.ChurnedAt = null;
        state.LogSequence = 0;
        foreach (var former in state.FormerAssignments ?? [])
        {
            former.Credited = default;
            former.RevenueByProduct.Clear();
        }

        if (state.PendingSwitch is { } pending)
        {
            pending.After = default;
            pending.RevenueByProductAfter.Clear();
        }
    }
}
