using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace TerritoryGrid.Grains.Rollups;

/// <summary>Drains this silo's roll-up dispatcher on request (reentrant: drains asked at once share the dispatcher's flush lock).</summary>
[Reentrant]
internal sealed class RollupDrainService(GrainId id, Silo silo, ILoggerFactory loggerFactory, RollupDispatcher dispatcher)
    : GrainService(id, silo, loggerFactory), IRollupDrainService
{
    public Task Drain() => dispatcher.FlushAsync(includeReps: false);

    public Task DrainWithReps() => dispatcher.FlushAsync(includeReps: true);
}
