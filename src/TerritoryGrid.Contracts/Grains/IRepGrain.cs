using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>One rep. Keyed by <see cref="GrainKeys.Of"/>.</summary>
[Alias("tg.IRepGrain")]
public interface IRepGrain : IRollupTarget, IStateTransfer
{
    [Alias("Setup")]
    Task Setup(RepSetup setup);

    /// <summary>Live figures as of <paramref name="asOf"/> (the territory's watermark) or the rep's own latest event.</summary>
    [Alias("GetMetrics")]
    Task<RepMetrics?> GetMetrics(DateTimeOffset? asOf = null);

    /// <summary>Records the rep's availability from given event times on (leave, return, ramp-up, departure).</summary>
    [Alias("ApplyAvailability")]
    Task ApplyAvailability(Roster.AvailabilityChange[] changes);
}
