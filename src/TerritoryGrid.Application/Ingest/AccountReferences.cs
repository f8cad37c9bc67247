using System.Collections.Concurrent;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Application.Ingest;

/// <summary>
/// The account grain references of the current generation of each workspace, kept for reuse. Making a reference costs
/// a reflection pass over the grain interface and a proxy built through dependency injection: profiled at 9% of the
/// CPU of live ingest, which asks for the same accounts' references over and over. At most <see cref="MaxKept"/> are
/// kept in all (beyond that every set starts again: sandboxes come and go), and a workspace's older generations are
/// dropped.
/// </summary>
public sealed class AccountReferences(IGrainFactory grains)
{
    public const int MaxKept = 250_000;

    private readonly ConcurrentDictionary<string, (int Generation, ConcurrentDictionary<string, IAccountGrain> References)> workspaces =
        new(StringComparer.Ordinal);

    private int kept;

    /// <summary>The reference to an account of a workspace generation.</summary>
    public IAccountGrain Get(string workspace, int generation, string accountId)
    {
        var references = KeptFor(workspace, generation);
        if (references.TryGetValue(accountId, out var reference))
        {
            return reference;
        }

        if (Interlocked.Increment(ref kept) > MaxKept)
        {
            Interlocked.Exchange(ref kept, 0);
            workspaces.Clear();
            references = KeptFor(workspace, generation);
        }

        reference = grains.GetGrain<IAccountGrain>(GrainKeys.Of(workspace, generation, accountId));
        references.TryAdd(accountId, reference);
        return reference;
    }

    private ConcurrentDictionary<string, IAccountGrain> KeptFor(string workspace, int generation)
    {
        if (workspaces.TryGetValue(workspace, out var entry) && entry.Generation == generation)
        {
            return entry.References;
        }

        var fresh = (generation, new ConcurrentDictionary<string, IAccountGrain>(StringComparer.Ordinal));
        return workspaces.AddOrUpdate(workspace, fresh, (_, existing) => existing.Generation == generation ? existing : fresh).References;
    }
}
