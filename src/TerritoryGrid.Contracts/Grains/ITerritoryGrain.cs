using TerritoryGrid.Contracts.Company;
using TerritoryGrid.Contracts.Metrics;

namespace TerritoryGrid.Contracts.Grains;

/// <summary>One territory. Keyed by <see cref="GrainKeys.Of"/>.</summary>
[Alias("tg.ITerritoryGrain")]
public interface ITerritoryGrain : IRollupTarget, IStateTransfer
{
    [Alias("Setup")]
    Task Setup(TerritorySetup setup);

    [Alias("GetMetrics")]
    Task<TerritoryMetrics?> GetMetrics();

    /// <summary>The CRM renamed the territory, moved it to another region or changed its quota: its figures and history stay.</summary>
    [Alias("UpdateDefinition")]
    Task UpdateDefinition(string name, string? region, double annualQuota);

    /// <summary>
    /// The figures at the end of event-time <paramref name="day"/> (UTC), from the snapshot recorded when the watermark
    /// closed it, with the status history up to then; null when no snapshot of that day is kept (not closed yet, before
    /// the plan start, or older than the retention).
    /// </summary>
    [Alias("GetMetricsAsOf")]
    Task<TerritoryAsOf?> GetMetricsAsOf(DateOnly day);

    /// <summary>Records reps' capacity from given event times on; the status history is revised from the earliest.</summary>
    [Alias("ApplyCapacityChanges")]
    Task ApplyCapacityChanges(Roster.CapacityChange[] changes);

    /// <summary>
    /// A plan changed the territory's accounts (and, through <paramref name="capacityChanges"/> from its effective time,
    /// its reps): keeps its activity and history; accounts moved away stay listed to report their time here.
    /// </summary>
    [Alias("Realign")]
    Task Realign(string[] accountIds, string[] formerAccountIds, Roster.CapacityChange[] capacityChanges);

    /// <summary>The ids of the territory's reps.</summary>
    [Alias("GetRepIds")]
    Task<string[]> GetRepIds();

    /// <summary>The territory's event-time watermark: the latest event of any of its accounts, or the plan start.</summary>
    [Alias("GetWatermark")]
    Task<DateTimeOffset?> GetWatermark();

    /// <summary>
    /// The ids of every account that reports here, current and former: after a silo is lost, a restart or a restore,
    /// each is asked to send its contribution again (accounts that lived on the lost silo reactivate, replay their
    /// logged activity and so restore what it held).
    /// </summary>
    [Alias("GetAccountIds")]
    Task<string[]> GetAccountIds();

    /// <summary>
    /// Starts a rebuild: forgets the accounts' contributions and the status history (the replay derives them again,
    /// closing days no later than the rebuild's horizon and announcing no past change), and returns the ids of every
    /// account that reports here (current and former), to be reset next.
    /// </summary>
    [Alias("BeginRebuild")]
    Task<string[]> BeginRebuild();

    /// <summary>The rebuild has replayed the stored activity up to <paramref name="horizon"/> in event time.</summary>
    [Alias("AdvanceRebuild")]
    Task AdvanceRebuild(DateTimeOffset horizon);

    /// <summary>Ends a rebuild: days close with the watermark again, and a status that differs from before the rebuild is announced once.</summary>
    [Alias("EndRebuild")]
    Task EndRebuild();

    /// <summary>Every status change, oldest first, as the watermark crossed day boundaries.</summary>
    [Alias("GetStatusHistory")]
    Task<StatusChange[]> GetStatusHistory();
}
