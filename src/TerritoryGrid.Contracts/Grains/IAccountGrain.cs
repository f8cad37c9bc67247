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
    /// conflict (same id, other payload) or refused, in the order given. <paramref name="logSequence"/> is the
    /// batch's record number for this account in the activity log (0 without a durable log): records apply in
    /// number order (a missing earlier one is read from the log first), and one already applied is not applied
    /// again: its outcomes are returned.
    /// </summary>
    [Alias("Apply")]
    Task<AccountBatchResult> Apply(ActivityEvent[] events, long logSequence);

    /// <summary>Sends the account's current contribution to its territory and reps again (after their recovery).</summary>
    [Alias("Republish"), OneWay]
    Task Republish();

    /// <summary>Live figures; window figures as of <paramref name="asOf"/> (the territory's watermark) or the account's own.</summary>
    [Alias("GetMetrics")]
    Task<AccountMetrics?> GetMetrics(DateTimeOffset? asOf);
}
