using Orleans.Concurrency;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>One account. Keyed by <see cref="GrainKeys.Of"/>.</summary>
[Alias("tg.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey, IStateTransfer
{
    /// <summary>
    /// Sets the account up (or updates its definition in place, keeping the activity already applied and the time its
    /// call plan started); an account set up again is open, even if it was closed.
    /// </summary>
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
    Task<AccountBatchResult> Apply([Immutable] ActivityEvent[] events, long logSequence);

    /// <summary>
    /// First step of a plan's move of this account, effective at <paramref name="effectiveAt"/> in event time: from
    /// now on what events at or after that time add is kept aside. Null when prepared (or already committed), else why
    /// not (the account already has activity at or after the effective time, or another plan is moving it).
    /// </summary>
    [Alias("PrepareSwitch")]
    Task<string?> PrepareSwitch(string planId, DateTimeOffset effectiveAt);

    /// <summary>
    /// Second step: the account belongs to <paramref name="next"/>'s territory and owner from the effective time on;
    /// events before it stay credited to the former ones, even those still to arrive. Repeating it changes nothing.
    /// </summary>
    [Alias("CommitSwitch")]
    Task CommitSwitch(string planId, AccountSetup next);

    /// <summary>Forgets a prepared move that will not be committed.</summary>
    [Alias("AbortSwitch")]
    Task AbortSwitch(string planId);

    /// <summary>
    /// Its owner left at <paramref name="from"/> (event time) and nobody has taken it over: it counts as orphaned, and so
    /// under-served, until a move gives it a new owner. Repeating it changes nothing.
    /// </summary>
    [Alias("MarkOrphaned")]
    Task MarkOrphaned(DateTimeOffset from);

    /// <summary>
    /// The CRM closed the account at <paramref name="at"/> (event time): from then on it asks for no work, while the
    /// activity before stays credited where it happened. Repeating it changes nothing.
    /// </summary>
    [Alias("Close")]
    Task Close(DateTimeOffset at);

    /// <summary>
    /// Sends the account's current contribution to its territory and reps again (after their recovery); answers once
    /// the account is active (its logged activity replayed) and the contribution is on its way. Not one-way: Orleans
    /// drops a one-way message caught in a silo's failure, and a recovery must know every account has answered.
    /// </summary>
    [Alias("Republish")]
    Task Republish();

    /// <summary>
    /// Forgets every applied event (keeping the account's alignment and its history of moves) and publishes the emptied
    /// contribution; the records of its activity log then apply again from the first, by the rebuild or by the next
    /// posted batch, which reads the ones before it from the log.
    /// </summary>
    [Alias("BeginRebuild")]
    Task BeginRebuild();

    /// <summary>Live figures; window figures as of <paramref name="asOf"/> (the territory's watermark) or the account's own.</summary>
    [Alias("GetMetrics")]
    Task<AccountMetrics?> GetMetrics(DateTimeOffset? asOf);
}
