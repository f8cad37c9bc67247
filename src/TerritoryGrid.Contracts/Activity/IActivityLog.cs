namespace TerritoryGrid.Contracts.Activity;

/// <summary>
/// The durable record of posted activity, written before grains apply it, one commit per posted batch (group
/// commit). An account's state records the last log position it applied; on activation it replays what came after,
/// so an acknowledged event survives the loss of the silo that applied it. It is also the stored activity that
/// metrics can be rebuilt from.
/// </summary>
public interface IActivityLog
{
    /// <summary>True when appends are durable; false for the in-memory default, which keeps nothing.</summary>
    bool IsDurable { get; }

    /// <summary>Appends each account's events as one record, all in one commit; returns each record's position.</summary>
    Task<long[]> AppendAsync(string workspace, int generation, IReadOnlyList<AccountEvents> records, CancellationToken cancellationToken = default);

    /// <summary>The records of one account after <paramref name="afterPosition"/>, in log order.</summary>
    IAsyncEnumerable<LoggedEvents> ReadAsync(
        string workspace, int generation, string accountId, long afterPosition, CancellationToken cancellationToken = default);
}

/// <summary>One account's events of a posted batch.</summary>
public readonly record struct AccountEvents(string AccountId, ActivityEvent[] Events);

/// <summary>A record read back from the log.</summary>
public readonly record struct LoggedEvents(long Position, ActivityEvent[] Events);
