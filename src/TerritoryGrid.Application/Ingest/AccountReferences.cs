using System.Collections.Concurrent;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Application.Ingest;

/// <summary>
/// The account grain references of the current generation of each workspace, kept for reuse. Making a reference costs
/// a reflection pass over the grain interface and a proxy built through dependency injection: profiled at 9% of the
/// CPU of live ingest, which asks for the same accounts' references over and over. At most <see cref="MaxKept"/> per
/// workspace are kept (beyond that the set starts again), and a workspace's older generations are dropped.
/// </summary>
public sealed class AccountReferences(IGrainFactory grains)
{
    public const int MaxKept = 250_000;

    private readonly ConcurrentDictionary<string, (int Generation, ConcurrentDictionary<string, IAccountGrain> References)> workspaces =
        new(StringComparer.Ordinal);

    /// <summary>The reference to an account of a workspace generation.</summary>
    public IAccountGrain Get(string workspace, int generation, string accountId)
    {
        var kept = KeptFor(workspace, generation);
        if (kept.TryGetValue(accountId, out var reference))
        {
            return reference;
        }

        if (kept.Count >= MaxKept)
        {
            kept.Clear();
        }

        reference = grains.GetGrain<IAccountGrain>(GrainKeys.Of(workspace, generation, accountId));
        kept.TryAdd(accountId, reference);
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
