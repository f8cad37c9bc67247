using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>One territory. Keyed by <see cref="GrainKeys.Of"/>.</summary>
[Alias("tg.ITerritoryGrain")]
public interface ITerritoryGrain : IRollupTarget
{
    [Alias("Setup")]
    Task Setup(TerritorySetup setup);

    [Alias("GetMetrics")]
    Task<TerritoryMetrics?> GetMetrics();

    /// <summary>Every status change, oldest first, as the watermark crossed day boundaries.</summary>
    [Alias("GetStatusHistory")]
    Task<StatusChange[]> GetStatusHistory();
}
