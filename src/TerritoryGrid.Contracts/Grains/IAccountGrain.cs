using Orleans.Concurrency;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>One account. Keyed by <see cref="GrainKeys.Of"/>.</summary>
[Alias("tg.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Sets the account up (or updates its definition), keeping activity already applied.</summary>
    [Alias("Setup")]
    Task Setup(AccountSetup setup);

    /// <summary>
    /// Applies a batch of events for this account in one call: each is accepted, accepted late, a duplicate, a
    /// conflict (same id, other payload) or refused, in the order given. <paramref name="logPosition"/> is the
    /// batch's record in the activity log (0 without a durable log): a record the account already replayed on
    /// activation is not applied again, and its outcomes are returned.
    /// </summary>
    [Alias("Apply")]
    Task<AccountBatchResult> Apply(ActivityEvent[] events, long logPosition);

    /// <summary>Sends the account's current contribution to its territory and reps again (after their recovery).</summary>
    [Alias("Republish"), OneWay]
    Task Republish();

    /// <summary>Live figures; window figures as of <paramref name="asOf"/> (the territory's watermark) or the account's own.</summary>
    [Alias("GetMetrics")]
    Task<AccountMetrics?> GetMetrics(DateTimeOffset? asOf);
}
