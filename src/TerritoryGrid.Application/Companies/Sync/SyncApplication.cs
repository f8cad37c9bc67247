using TerritoryGrid.Application.Plans;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Grains;
using TerritoryGrid.Contracts.Roster;
using TerritoryGrid.Domain;
using TerritoryGrid.Domain.Company;
using TerritoryGrid.Domain.Coverage;

namespace TerritoryGrid.Application.Companies.Sync;

/// <summary>
/// What a sync changes beyond the alignment, applied once every moving account has committed and before the workspace
/// switches to the new definition: new accounts are set up (their call plan owed from the effective time) and counted
/// in their territory, closed accounts stop asking for work from it (their territory keeps them as former accounts, so
/// their past activity stays in its totals), accounts left without an owner are orphaned, and updated accounts, reps and
/// territories take their new attributes in place.
/// </summary>
internal sealed class SyncApplication(
    IGrainFactory grains, LiveAlignmentSwitch liveSwitch, MetricsOptions metrics, string workspace, WorkspaceInfo info,
    CompanyDefinition current, CompanyDiff diff, DateTimeOffset effectiveAt)
{
    private const int Parallelism = 256;

    private string Key(string id) => GrainKeys.Of(workspace, info.Generation, id);

    public async Task ApplyAsync()
    {
        // Another sync or plan that switched the workspace meanwhile diffed against the same company: applying this one's
        // additions and closures too would leave grains the definition does not hold. (The workspace's switch refuses it
        // as well, but only after this.)
        var now = await grains.GetGrain<IWorkspaceGrain>(workspace).GetInfo();
        if (now.Generation != info.Generation || now.AlignmentVersion != info.AlignmentVersion)
        {
            throw new InvalidOperationException(
                $"Workspace '{workspace}' is at generation {now.Generation}, alignment {now.AlignmentVersion}: the sync was diffed at generation {info.Generation}, alignment {info.AlignmentVersion}.");
        }

        var after = diff.After;
        var accounts = after.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var reps = after.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var planStart = info.PlanStart ?? effectiveAt;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism };
        var moved = diff.IdsOf(SyncChangeKinds.AccountReassigned).Concat(diff.IdsOf(SyncChangeKinds.AccountOrphaned)).ToHashSet(StringComparer.Ordinal);

        await Parallel.ForEachAsync(diff.IdsOf(SyncChangeKinds.AccountAdded), parallel, async (id, _) =>
            await Account(id).Setup(liveSwitch.Setup(accounts[id], reps, effectiveAt)));
        // A moved account took its new attributes with its move.
        await Parallel.ForEachAsync(diff.IdsOf(SyncChangeKinds.AccountUpdated).Where(id => !moved.Contains(id)), parallel, async (id, _) =>
            await Account(id).Setup(liveSwitch.Setup(accounts[id], reps, planStart)));
        await Parallel.ForEachAsync(diff.IdsOf(SyncChangeKinds.AccountClosed), parallel, async (id, _) =>
            await Account(id).Close(effectiveAt));
        await Parallel.ForEachAsync(diff.IdsOf(SyncChangeKinds.AccountOrphaned), parallel, async (id, _) =>
            await Account(id).MarkOrphaned(effectiveAt));

        await UpdateRepsAsync(reps, after, planStart);
        foreach (var id in diff.IdsOf(SyncChangeKinds.TerritoryUpdated))
        {
            var territory = after.Territories.First(t => t.Id == id);
            await grains.GetGrain<ITerritoryGrain>(Key(id)).UpdateDefinition(territory.Name, territory.Region, territory.AnnualQuota ?? 0);
        }

        await RecountTerritoriesAsync(after);
    }

    private IAccountGrain Account(string id) => grains.GetGrain<IAccountGrain>(Key(id));

    /// <summary>
    /// Reps whose attributes changed in the CRM (a rep who moved took them with the move): a change of selling hours or
    /// availability changes the territory's capacity from the effective time, so the days before keep what they had.
    /// </summary>
    private async Task UpdateRepsAsync(Dictionary<string, RepDefinition> reps, CompanyDefinition after, DateTimeOffset planStart)
    {
        var movedReps = diff.IdsOf(SyncChangeKinds.RepMoved).ToHashSet(StringComparer.Ordinal);
        var owned = after.Accounts.Where(a => a.OwnerRepId is not null).CountBy(a => a.OwnerRepId!).ToDictionary();
        var before = current.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var workload = metrics.Workload;
        foreach (var change in diff.Changes.Where(c => c.Kind == SyncChangeKinds.RepUpdated && !movedReps.Contains(c.Id)))
        {
            var rep = reps[change.Id];
            var hours = rep.SellingHoursPerWeek ?? workload.SellingHoursPerWeek;
            await grains.GetGrain<IRepGrain>(Key(rep.Id)).Setup(new RepSetup(
                rep.Name, rep.TerritoryId, rep.Role, rep.Home.Latitude, rep.Home.Longitude, hours, rep.Availability,
                rep.ExperienceYears, rep.AnnualQuota ?? 0, owned.GetValueOrDefault(rep.Id), planStart));
            var old = before[rep.Id];
            if (old.Availability != rep.Availability || old.SellingHoursPerWeek != rep.SellingHoursPerWeek)
            {
                await grains.GetGrain<IRepGrain>(Key(rep.Id)).ApplyAvailability([new AvailabilityChange(rep.Id, effectiveAt, rep.Availability)]);
                await grains.GetGrain<ITerritoryGrain>(Key(rep.TerritoryId)).ApplyCapacityChanges(
                    [new CapacityChange(rep.Id, rep.Name, effectiveAt, Workload.CapacityHoursPerWeek(hours, rep.Availability))]);
            }
        }
    }

    /// <summary>
    /// Territories that gained or closed accounts learn their accounts; a closed account stays listed as a former one,
    /// so it still reports its activity there (after a recovery, in a rebuild).
    /// </summary>
    private async Task RecountTerritoriesAsync(CompanyDefinition after)
    {
        var closedByTerritory = diff.Changes.Where(c => c.Kind == SyncChangeKinds.AccountClosed)
            .GroupBy(c => c.FromTerritoryId!).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray(), StringComparer.Ordinal);
        var touched = diff.Changes.Where(c => c.Kind == SyncChangeKinds.AccountAdded).Select(c => c.ToTerritoryId!)
            .Concat(closedByTerritory.Keys).Distinct(StringComparer.Ordinal);
        var accountsNow = after.Accounts.GroupBy(a => a.TerritoryId).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToArray(), StringComparer.Ordinal);
        await Task.WhenAll(touched.Select(id => grains.GetGrain<ITerritoryGrain>(Key(id)).Realign(
            accountsNow.GetValueOrDefault(id) ?? [], closedByTerritory.GetValueOrDefault(id) ?? [], [])));
    }
}
