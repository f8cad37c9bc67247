using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TerritoryGrid.Contracts.Grains;

namespace TerritoryGrid.Application.Commercial;

/// <summary>
/// Each process's view of every workspace's commercial terms, re-read at most every second (as
/// <see cref="Ingest.WorkspaceCache"/>), so ingest can check products without a grain call per batch. A change made in
/// this process drops it at once; other front ends see it within a second.
/// </summary>
public sealed class CommercialTermsCache(IGrainFactory grains, IOptions<CommercialOptions> defaults, TimeProvider clock)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (WorkspaceTerms Terms, DateTimeOffset ReadAt)> entries = new(StringComparer.Ordinal);

    public async ValueTask<WorkspaceTerms> GetAsync(string workspace)
    {
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(workspace, out var entry) && now - entry.ReadAt < Freshness)
        {
            return entry.Terms;
        }

        var terms = new WorkspaceTerms(await grains.GetGrain<ICommercialTermsGrain>(workspace).Get(), defaults.Value);
        entries[workspace] = (terms, now);
        return terms;
    }

    public void Forget(string workspace) => entries.TryRemove(workspace, out _);
}
