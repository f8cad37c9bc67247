using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Roster;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Planning.Plans;

namespace TerritoryGrid.Application.Plans;

/// <summary>
/// Applies a compiled plan to a running workspace while activity keeps arriving, without Orleans transactions on the
/// event path: every account that moves first prepares (from then on it keeps aside what events at or after the
/// effective time add), then territories and reps learn their new accounts and capacity from the effective time,
/// then every account commits, and the workspace switches to the new alignment version. Ownership is effective-dated
/// in event time, so the result does not depend on when each account switched: an event before the effective time
/// credits the old territory and owner whenever it arrives, one after credits the new ones. Any account that cannot
/// prepare (it already has activity after the effective time) aborts the whole plan before anything changed.
/// A caller that changes more than the alignment (a CRM sync adding and closing accounts) does it in
/// <c>beforeSwitch</c>, after every account committed and before the workspace switches to the new definition.
/// </summary>
public sealed class LiveAlignmentSwitch(IGrainFactory grains, IOptions<MetricsOptions> options)
{
    private const int Parallelism = 256;
    private const int MaxRefusalsListed = 20;

    public async Task<(PlanApplyResult? Result, IReadOnlyList<string> Refusals)> ApplyAsync(
        string workspace, WorkspaceInfo info, PlanCompilation plan, string planId, DateTimeOffset effectiveAt,
        CancellationToken cancellationToken, Func<Task>? beforeSwitch = null)
    {
        var stopwatch = Stopwatch.StartNew();
        var after = plan.After!;
        var change = plan.Change!;
        string Key(string id) => GrainKeys.Of(workspace, info.Generation, id);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

        var refusals = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(change.Accounts, parallel, async (move, _) =>
        {
            if (await grains.GetGrain<IAccountGrain>(Key(move.Before.Id)).PrepareSwitch(planId, effectiveAt) is { } refusal)
            {
                refusals.Add(refusal);
            }
        });
        if (!refusals.IsEmpty)
        {
            await Parallel.ForEachAsync(change.Accounts, parallel, async (move, _) =>
                await grains.GetGrain<IAccountGrain>(Key(move.Before.Id)).AbortSwitch(planId));
            var listed = refusals.Order(StringComparer.Ordinal).Take(MaxRefusalsListed).ToList();
            if (refusals.Count > MaxRefusalsListed)
            {
                listed.Add($"and {refusals.Count - MaxRefusalsListed} more accounts like these");
            }

            return (null, listed);
        }

        var planStart = info.PlanStart ?? effectiveAt;
        await SetUpTerritoriesAsync(after, change, planStart, effectiveAt, Key);
        await SetUpRepsAsync(after, change, planStart, effectiveAt, Key, parallel);
        var repsAfter = after.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        await Parallel.ForEachAsync(change.Accounts, parallel, async (move, _) =>
            await grains.GetGrain<IAccountGrain>(Key(move.After.Id)).CommitSwitch(planId, Setup(move.After, repsAfter, planStart)));
        if (beforeSwitch is not null)
        {
            await beforeSwitch();
        }

        var manifest = new CompanyManifest(after.Name, [.. after.Territories.Select(t => t.Id)], [.. after.Reps.Select(r => r.Id)],
            after.Accounts.Count, planStart, JsonSerializer.SerializeToUtf8Bytes(after, TerritoryGridJson.Options));
        var realigned = await grains.GetGrain<IWorkspaceGrain>(workspace).Realign(info.Generation, info.AlignmentVersion, planId, manifest);
        return (new PlanApplyResult(planId, realigned.AlignmentVersion, effectiveAt, change.Accounts.Count, change.AccountValueMoved,
            change.Reps.Count, change.AddedReps.Count, change.RemovedReps.Count, change.AddedTerritories.Count, change.RemovedTerritories.Count,
            stopwatch.Elapsed.TotalMilliseconds), []);
    }

    private async Task SetUpTerritoriesAsync(
        CompanyDefinition after, AlignmentChange change, DateTimeOffset planStart, DateTimeOffset effectiveAt, Func<string, string> key)
    {
        foreach (var added in change.AddedTerritories)
        {
            await grains.GetGrain<ITerritoryGrain>(key(added.Id)).Setup(new TerritorySetup(
                added.Name, added.Region, added.AnnualQuota ?? 0, [], 0, planStart, []));
        }

        var capacity = CapacityChanges(change, effectiveAt);
        var accountsNow = after.Accounts.GroupBy(a => a.TerritoryId).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToArray(), StringComparer.Ordinal);
        var movedAway = change.Accounts.Where(m => m.Before.TerritoryId != m.After.TerritoryId)
            .GroupBy(m => m.Before.TerritoryId).ToDictionary(g => g.Key, g => g.Select(m => m.Before.Id).ToArray(), StringComparer.Ordinal);
        var touched = accountsNow.Keys.Where(id => change.Accounts.Any(m => m.After.TerritoryId == id))
            .Concat(movedAway.Keys).Concat(capacity.Keys).Concat(change.AddedTerritories.Select(t => t.Id))
            .Distinct(StringComparer.Ordinal);
        await Task.WhenAll(touched.Select(id => grains.GetGrain<ITerritoryGrain>(key(id)).Realign(
            accountsNow.GetValueOrDefault(id) ?? [], movedAway.GetValueOrDefault(id) ?? [], [.. capacity.GetValueOrDefault(id) ?? []])));
    }

    /// <summary>Each territory's capacity changes at the effective time: reps moving out drop to 0, reps moving in (or hired, ramping up) join.</summary>
    private Dictionary<string, List<CapacityChange>> CapacityChanges(AlignmentChange change, DateTimeOffset effectiveAt)
    {
        var byTerritory = new Dictionary<string, List<CapacityChange>>(StringComparer.Ordinal);
        void Add(string territoryId, CapacityChange capacity) =>
            (byTerritory.TryGetValue(territoryId, out var list) ? list : byTerritory[territoryId] = []).Add(capacity);

        foreach (var move in change.Reps)
        {
            Add(move.Before.TerritoryId, new CapacityChange(move.Before.Id, move.Before.Name, effectiveAt, 0));
            Add(move.After.TerritoryId, new CapacityChange(move.After.Id, move.After.Name, effectiveAt, Capacity(move.After)));
        }

        foreach (var removed in change.RemovedReps)
        {
            Add(removed.TerritoryId, new CapacityChange(removed.Id, removed.Name, effectiveAt, 0));
        }

        foreach (var added in change.AddedReps)
        {
            foreach (var step in RampUp.Steps(added.Id, RampStart(added, effectiveAt), change.RampWeeks.GetValueOrDefault(added.Id)))
            {
                Add(added.TerritoryId, new CapacityChange(added.Id, added.Name, step.EffectiveAt, Capacity(added) * step.Availability));
            }
        }

        return byTerritory;
    }

    private async Task SetUpRepsAsync(
        CompanyDefinition after, AlignmentChange change, DateTimeOffset planStart, DateTimeOffset effectiveAt, Func<string, string> key, ParallelOptions parallel)
    {
        var owned = after.Accounts.Where(a => a.OwnerRepId is not null).CountBy(a => a.OwnerRepId!).ToDictionary();
        var workload = options.Value.Workload;
        RepSetup Setup(RepDefinition rep, double availability) => new(
            rep.Name, rep.TerritoryId, rep.Role, rep.Home.Latitude, rep.Home.Longitude, rep.SellingHoursPerWeek ?? workload.SellingHoursPerWeek,
            availability, rep.ExperienceYears, rep.AnnualQuota ?? 0, owned.GetValueOrDefault(rep.Id), planStart);

        await Parallel.ForEachAsync(change.Reps.Select(m => m.After), parallel, async (rep, _) =>
            await grains.GetGrain<IRepGrain>(key(rep.Id)).Setup(Setup(rep, rep.Availability)));
        await Parallel.ForEachAsync(change.AddedReps, parallel, async (rep, _) =>
        {
            var grain = grains.GetGrain<IRepGrain>(key(rep.Id));
            await grain.Setup(Setup(rep, 0));
            await grain.ApplyAvailability([.. RampUp.Steps(rep.Id, RampStart(rep, effectiveAt), change.RampWeeks.GetValueOrDefault(rep.Id))]);
        });
        await Parallel.ForEachAsync(change.RemovedReps, parallel, async (rep, _) =>
            await grains.GetGrain<IRepGrain>(key(rep.Id)).ApplyAvailability([new AvailabilityChange(rep.Id, effectiveAt, 0)]));
    }

    /// <summary>A rep who joins ramps up from the switch, or from their start date when that is later (no capacity before it).</summary>
    private static DateTimeOffset RampStart(RepDefinition rep, DateTimeOffset effectiveAt) =>
        rep.StartDate is { } start && start > effectiveAt ? start : effectiveAt;

    private double Capacity(RepDefinition rep) =>
        Workload.CapacityHoursPerWeek(rep.SellingHoursPerWeek ?? options.Value.Workload.SellingHoursPerWeek, rep.Availability);

    internal AccountSetup Setup(AccountDefinition account, IReadOnlyDictionary<string, RepDefinition> reps, DateTimeOffset planStart)
    {
        var travelKm = account.OwnerRepId is { } owner ? reps[owner].Home.DistanceKmTo(account.Location) : 0;
        return new AccountSetup(
            account.Name, account.TerritoryId, account.OwnerRepId, account.Segment ?? Domain.Accounts.Segment.C, account.Stage, account.Industry,
            account.City, account.Location.Latitude, account.Location.Longitude, travelKm, account.AnnualRevenue, account.AnnualCostToServe,
            account.RevenuePotential ?? options.Value.Segmentation.EstimatePotential(account.Segment ?? Domain.Accounts.Segment.C, account.AnnualRevenue),
            planStart);
    }
}
