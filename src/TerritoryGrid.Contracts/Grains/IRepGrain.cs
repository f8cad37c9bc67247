using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>One rep. Keyed by <see cref="GrainKeys.Of"/>.</summary>
[Alias("tg.IRepGrain")]
public interface IRepGrain : IRollupTarget
{
    [Alias("Setup")]
    Task Setup(RepSetup setup);

    [Alias("GetMetrics")]
    Task<RepMetrics?> GetMetrics();
}
