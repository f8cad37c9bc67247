using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain.Company;

namespace TerritoryGrid.Benchmarks.References;

/// <summary>A simulation's generated events in the references' compact form, so the references run over the very events it ingested.</summary>
internal static class SimulatedEvents
{
    /// <summary>Indexes of the account, the rep who did the work (else the owner) and the account's territory.</summary>
    public static List<BenchEvent> Compact(CompanyDefinition company, IReadOnlyList<ActivityEvent> activity)
    {
        var accounts = company.Accounts.Select((a, i) => (a, i)).ToDictionary(x => x.a.Id, x => (Index: x.i, x.a.OwnerRepId, x.a.TerritoryId), StringComparer.Ordinal);
        var reps = company.Reps.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var territories = company.Territories.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return [.. activity.Select(e =>
        {
            var account = accounts[e.AccountId];
            var rep = (e.RepId ?? account.OwnerRepId) is { } repId && reps.TryGetValue(repId, out var r) ? r : 0;
            return new BenchEvent(account.Index, rep, territories[account.TerritoryId], e.Amount, Fnv1a(e.Id));
        })];
    }

    /// <summary>A 64-bit hash of the event id: millions of ids in a 32-bit hash would collide, and the loop would drop them as duplicates.</summary>
    private static ulong Fnv1a(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
