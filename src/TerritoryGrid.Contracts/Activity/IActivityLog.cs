namespace TerritoryGrid.Contracts.Activity;

/// <summary>
/// The durable record of posted activity, written before grains apply it, one commit per posted batch (group
/// commit). Each account's records are numbered 1, 2, 3… in append order; an account applies them strictly in that
/// order (fetching from the log any record whose call has not arrived yet), records in its state the last number
/// applied, and on activation replays what came after — so an acknowledged event survives the loss of the silo that
/// applied it, and concurrent batches for one account apply in the same order after a recovery as before it. It is
/// also the stored activity that metrics can be rebuilt from.
/// </summary>
public interface IActivityLog
{
    /// <summary>True when appends are durable; false for the in-memory default, which keeps nothing.</summary>
    bool IsDurable { get; }

    /// <summary>Appends each account's events as one record, all in one commit; returns each record's number within its account.</summary>
    Task<long[]> AppendAsync(string workspace, int generation, IReadOnlyList<AccountEvents> records, CancellationToken cancellationToken = default);

    /// <summary>The records of one account numbered above <paramref name="afterSequence"/> and at most <paramref name="upToSequence"/>, in order.</summary>
    IAsyncEnumerable<LoggedEvents> ReadAsync(
        string workspace, int generation, string accountId, long afterSequence, long upToSequence = long.MaxValue,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Every record of a workspace's generation in the order it was appended (records of one batch together; within an
    /// account always in number order): what a rebuild replays and a backup copies.
    /// </summary>
    IAsyncEnumerable<LoggedRecord> ReadAllAsync(string workspace, int generation, CancellationToken cancellationToken = default);

    /// <summary>How many records a workspace's generation holds.</summary>
    Task<long> CountAsync(string workspace, int generation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes records copied from another log (a restore) with their numbers, in one commit; a record whose number is
    /// already taken is left as it is, so importing twice changes nothing. Appends after it continue the numbering.
    /// </summary>
    Task ImportAsync(string workspace, int generation, IReadOnlyList<LoggedRecord> records, CancellationToken cancellationToken = default);
}

/// <summary>One account's events of a posted batch.</summary>
public readonly record struct AccountEvents(string AccountId, ActivityEvent[] Events);

/// <summary>A record read back from the log, with its number within its account.</summary>
public readonly record struct LoggedEvents(long Sequence, ActivityEvent[] Events);

/// <summary>A record of any account, with its number within that account.</summary>
public readonly record struct LoggedRecord(string AccountId, long Sequence, ActivityEvent[] Events);
