using TerritoryGrid.Domain.Accounts;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Application.Companies.Sync;

/// <summary>
/// What a newer CRM export changes in a workspace's company, and the company after it. The export is the truth for the
/// alignment and the attributes it carries: territories, reps and accounts it lacks have ended (closed accounts, reps who
/// left), new ones have started, and accounts whose territory or owner differ were reassigned in the CRM. Plain C#: no
/// grain is touched, so a dry run and the applied sync answer the same list. Diffing a company against itself (or
/// against the company a sync made from the same export) finds nothing.
/// </summary>
public sealed record CompanyDiff(CompanyDefinition After, IReadOnlyList<SyncChange> Changes)
{
    public bool IsEmpty => Changes.Count == 0;

    public IEnumerable<string> IdsOf(string kind) => Changes.Where(c => c.Kind == kind).Select(c => c.Id);

    /// <summary>
    /// Diffs <paramref name="incoming"/> (validated) against <paramref name="current"/>. An account the export gives no
    /// segment keeps its own, a new one gets the segment its value ranks it in among the export's accounts. An account
    /// whose owner is gone from the export without a successor is orphaned from <paramref name="effectiveAt"/>.
    /// </summary>
    public static CompanyDiff Compute(
        CompanyDefinition current, CompanyDefinition incoming, DateTimeOffset effectiveAt, SegmentationOptions segmentation, string? name = null)
    {
        var changes = new List<SyncChange>();
        DiffTerritories(current, incoming, changes);
        DiffReps(current, incoming, changes);
        var accounts = DiffAccounts(current, incoming, effectiveAt, segmentation, changes);
        var ordered = changes.OrderBy(c => Array.IndexOf(SyncChangeKinds.InOrder, c.Kind)).ToList();
        var after = current with
        {
            Name = name ?? current.Name,
            Territories = incoming.Territories,
            Reps = incoming.Reps,
            Accounts = accounts,
        };
        return new CompanyDiff(after, ordered);
    }

    private static void DiffTerritories(CompanyDefinition current, CompanyDefinition incoming, List<SyncChange> changes)
    {
        var before = current.Territories.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var kept = incoming.Territories.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var territory in incoming.Territories)
        {
            if (!before.TryGetValue(territory.Id, out var old))
            {
                changes.Add(new SyncChange(SyncChangeKinds.TerritoryAdded, territory.Id));
            }
            else if (ChangedFields.Of(old, territory) is { Count: > 0 } fields)
            {
                changes.Add(new SyncChange(SyncChangeKinds.TerritoryUpdated, territory.Id, Fields: fields));
            }
        }

        changes.AddRange(current.Territories.Where(t => !kept.Contains(t.Id)).Select(t => new SyncChange(SyncChangeKinds.TerritoryRemoved, t.Id)));
    }

    private static void DiffReps(CompanyDefinition current, CompanyDefinition incoming, List<SyncChange> changes)
    {
        var before = current.Reps.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var kept = incoming.Reps.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rep in incoming.Reps)
        {
            if (!before.TryGetValue(rep.Id, out var old))
            {
                changes.Add(new SyncChange(SyncChangeKinds.RepJoined, rep.Id, ToTerritoryId: rep.TerritoryId));
                continue;
            }

            if (old.TerritoryId != rep.TerritoryId)
            {
                changes.Add(new SyncChange(SyncChangeKinds.RepMoved, rep.Id, FromTerritoryId: old.TerritoryId, ToTerritoryId: rep.TerritoryId));
            }

            if (ChangedFields.Of(old, rep) is { Count: > 0 } fields)
            {
                changes.Add(new SyncChange(SyncChangeKinds.RepUpdated, rep.Id, Fields: fields));
            }
        }

        changes.AddRange(current.Reps.Where(r => !kept.Contains(r.Id))
            .Select(r => new SyncChange(SyncChangeKinds.RepLeft, r.Id, FromTerritoryId: r.TerritoryId)));
    }

    private static List<AccountDefinition> DiffAccounts(
        CompanyDefinition current, CompanyDefinition incoming, DateTimeOffset effectiveAt, SegmentationOptions segmentation, List<SyncChange> changes)
    {
        var before = current.Accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var derived = incoming.Accounts.Any(a => a.Segment is null && !before.ContainsKey(a.Id))
            ? Segmenter.Assign(incoming.Accounts, a => a.Id, a => a.AnnualRevenue - a.AnnualCostToServe, segmentation)
            : [];
        var after = new List<AccountDefinition>(incoming.Accounts.Count);
        foreach (var account in incoming.Accounts)
        {
            if (!before.TryGetValue(account.Id, out var old))
            {
                after.Add(account with { Segment = account.Segment ?? derived[account.Id], OrphanedSince = null });
                changes.Add(new SyncChange(SyncChangeKinds.AccountAdded, account.Id, ToTerritoryId: account.TerritoryId, ToOwnerRepId: account.OwnerRepId));
                continue;
            }

            var sameOwner = old.OwnerRepId == account.OwnerRepId;
            var orphaned = account.OwnerRepId is null && old.OwnerRepId is not null;
            var now = account with
            {
                Segment = account.Segment ?? old.Segment,
                Stage = old.Stage,
                OrphanedSince = sameOwner ? old.OrphanedSince : orphaned ? effectiveAt : null,
            };
            after.Add(now);
            if (!sameOwner || old.TerritoryId != account.TerritoryId)
            {
                changes.Add(new SyncChange(orphaned ? SyncChangeKinds.AccountOrphaned : SyncChangeKinds.AccountReassigned, account.Id,
                    old.TerritoryId, old.OwnerRepId, account.TerritoryId, account.OwnerRepId));
            }

            if (ChangedFields.Of(old, now) is { Count: > 0 } fields)
            {
                changes.Add(new SyncChange(SyncChangeKinds.AccountUpdated, account.Id, Fields: fields));
            }
        }

        var kept = incoming.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(current.Accounts.Where(a => !kept.Contains(a.Id))
            .Select(a => new SyncChange(SyncChangeKinds.AccountClosed, a.Id, a.TerritoryId, a.OwnerRepId)));
        return after;
    }
}
