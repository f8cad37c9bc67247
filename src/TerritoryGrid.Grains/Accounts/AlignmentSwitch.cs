using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Rollups;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>
/// Moves an account to another territory or owner from an effective time in event time, in two steps so no event is
/// lost or counted twice across the switch: <see cref="Prepare"/> starts keeping aside what events at or after the
/// effective time add; <see cref="Commit"/> closes the current assignment as a former period holding everything
/// else. Plain C# so it is tested without a cluster.
/// </summary>
internal static class AlignmentSwitch
{
    /// <summary>Most committed plan ids remembered per account (a repeated commit is recognised among them).</summary>
    private const int RememberedPlans = 16;

    /// <summary>Prepares the move; null when prepared (or already committed), else why it cannot be.</summary>
    public static string? Prepare(AccountState state, string accountId, string planId, DateTimeOffset effectiveAt)
    {
        if (state.CommittedPlans?.Contains(planId) == true)
        {
            return null;
        }

        if (state.PendingSwitch is { } pending)
        {
            return pending.PlanId == planId ? null : $"account '{accountId}' is being moved by plan '{pending.PlanId}'";
        }

        if (!Domain.Company.EffectiveTime.IsStartOfDay(effectiveAt))
        {
            return $"the effective time {effectiveAt:O} is not the start of a day (00:00 UTC)";
        }

        if (state.Watermark is { } latest && latest >= effectiveAt)
        {
            return $"account '{accountId}' already has activity at {latest:O}, at or after the effective time {effectiveAt:O}";
        }

        if (state.AssignedFrom is { } from && effectiveAt <= from)
        {
            return $"account '{accountId}' was last moved effective {from:O}; a later move must be effective after it";
        }

        state.PendingSwitch = new PendingSwitch { PlanId = planId, EffectiveAt = effectiveAt };
        return null;
    }

    /// <summary>Commits a prepared move to <paramref name="next"/>; false when this plan's move was already committed.</summary>
    public static bool Commit(AccountState state, string accountId, string planId, AccountSetup next)
    {
        if (state.CommittedPlans?.Contains(planId) == true)
        {
            return false;
        }

        if (state.PendingSwitch is not { } pending || pending.PlanId != planId)
        {
            throw new InvalidOperationException($"account '{accountId}' has no move prepared by plan '{planId}'");
        }

        var current = state.Setup!;
        var credited = state.Totals;
        var products = state.RevenueByProduct.ToDictionary(StringComparer.Ordinal);
        foreach (var former in state.FormerAssignments ?? [])
        {
            credited.Add(former.Credited, -1);
            Add(products, former.RevenueByProduct, -1);
        }

        credited.Add(pending.After, -1);
        Add(products, pending.RevenueByProductAfter, -1);
        (state.FormerAssignments ??= []).Add(new FormerAssignment
        {
            TerritoryId = current.TerritoryId,
            OwnerRepId = current.OwnerRepId,
            From = state.AssignedFrom,
            Until = pending.EffectiveAt,
            Credited = credited,
            RevenueByProduct = products.Where(p => p.Value != 0).ToDictionary(StringComparer.Ordinal),
        });
        state.AssignedFrom = pending.EffectiveAt;
        // The call plan started when the account joined, whoever owns it now.
        state.Setup = next with { PlanStart = current.PlanStart };
        if (state.OrphanedFrom is not null && state.OrphanedUntil is null && next.OwnerRepId is { } owner && owner != current.OwnerRepId)
        {
            // A new owner takes the orphaned account over from the effective time: before it, it stays orphaned in history.
            state.OrphanedUntil = pending.EffectiveAt;
        }

        state.PendingSwitch = null;
        state.CommittedPlans ??= [];
        state.CommittedPlans.Add(planId);
        if (state.CommittedPlans.Count > RememberedPlans)
        {
            state.CommittedPlans.RemoveAt(0);
        }

        return true;
    }

    private static void Add(Dictionary<string, double> into, Dictionary<string, double> amounts, int sign)
    {
        foreach (var (product, amount) in amounts)
        {
            into[product] = into.GetValueOrDefault(product) + sign * amount;
        }
    }
}
