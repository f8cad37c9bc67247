using TerritoryGrid.Domain;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Grains.Accounts;

/// <summary>Builds the contributions an account sends to its territory and reps from its current state.</summary>
internal static class ContributionBuilder
{
    /// <summary>The account's whole contribution to its territory: all activity, whoever did it, and its coverage needs (built once per change by <see cref="Coverage"/>).</summary>
    public static AccountContribution ForTerritory(
        string accountId, AccountState state, AccountCoverage coverage, DateTimeOffset? earliestChange = null)
    {
        var totals = state.Totals;
        SetOpenFunnel(ref totals, state, repId: null);
        return new AccountContribution(
            accountId, state.Sequence, totals, Products(state), coverage, state.Watermark, state.LastContactAt, earliestChange,
            [.. state.TotalsByDay.Select(d => new DayTotals(d.Key, d.Value))]);
    }

    /// <summary>
    /// What one rep gets from the account: the activity that rep did, and the coverage needs when the rep owns it.
    /// A rep who neither owns nor worked the account gets empty totals (which removes an earlier contribution).
    /// </summary>
    public static AccountContribution ForRep(
        string accountId, string repId, AccountState state, AccountCoverage coverage, DateTimeOffset? earliestChange = null)
    {
        var totals = state.ByRep.GetValueOrDefault(repId);
        SetOpenFunnel(ref totals, state, repId);
        var owned = state.Setup?.OwnerRepId == repId;
        return new AccountContribution(
            accountId, state.Sequence, totals, [], owned ? coverage : null, state.Watermark, state.LastContactAt, earliestChange);
    }

    public static AccountCoverage Coverage(AccountState state, MetricsOptions options)
    {
        var setup = state.Setup!;
        var pattern = options.CallPatterns.For(setup.Segment);
        var baseDemand = Workload.DemandHoursPerWeek(pattern, setup.TravelKmFromOwner, 0, 0, options.Workload);
        var demand = state.ChurnedAt is not null
            ? 0
            : Workload.DemandHoursPerWeek(pattern, setup.TravelKmFromOwner,
                state.Leads.Values.Count(l => l.IsOpen), state.Opportunities.Values.Count(o => o.IsOpen), options.Workload);
        return new AccountCoverage(
            setup.Segment,
            state.Stage,
            demand,
            setup.RevenuePotential,
            setup.AnnualRevenue,
            pattern.TouchesPer4Weeks,
            EventDay.Of(setup.PlanStart),
            [.. state.TouchesByDay.Keys],
            [.. state.TouchesByDay.Values],
            baseDemand,
            [.. state.Leads.Values.Select(l => new FunnelSpan(l.CreatedAt, l.FirstTouchAt, l.ClosedAt))],
            [.. state.Opportunities.Values.Select(o => new FunnelSpan(o.CreatedAt, null, o.ClosedAt, o.Amount))],
            state.ChurnedAt);
    }

    private static void SetOpenFunnel(ref ActivityTotals totals, AccountState state, string? repId)
    {
        totals.OpenLeads = state.Leads.Values.Count(l => l.IsOpen && (repId is null || l.RepId == repId));
        totals.OpenOpportunities = 0;
        totals.OpenPipeline = 0;
        foreach (var opportunity in state.Opportunities.Values)
        {
            if (opportunity.IsOpen && (repId is null || opportunity.RepId == repId))
            {
                totals.OpenOpportunities++;
                totals.OpenPipeline += opportunity.Amount;
            }
        }
    }

    private static ProductAmount[] Products(AccountState state) =>
        state.RevenueByProduct.Count == 0 ? [] : [.. state.RevenueByProduct.Select(p => new ProductAmount(p.Key, p.Value))];
}
