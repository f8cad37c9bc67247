namespace TerritoryGrid.Contracts.Activity;

/// <summary>
/// The activity log of a deployment with no durable store (in-memory storage): appends keep nothing and return
/// record number 0, so "accepted" means applied in memory. Registered unless a durable log is configured.
/// </summary>
public sealed class NoActivityLog : IActivityLog
{
    public bool IsDurable => false;

    public Task<long[]> AppendAsync(string workspace, int generation, IReadOnlyList<AccountEvents> records, CancellationToken cancellationToken = default) =>
        Task.FromResult(new long[records.Count]);

    public async IAsyncEnumerable<LoggedEvents> ReadAsync(
        string workspace, int generation, string accountId, long afterSequence, long upToSequence = long.MaxValue,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    public async IAsyncEnumerable<LoggedRecord> ReadAllAsync(
        string workspace, int generation, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<long> CountAsync(string workspace, int generation, CancellationToken cancellationToken = default) => Task.FromResult(0L);

    public Task ImportAsync(string workspace, int generation, IReadOnlyList<LoggedRecord> records, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This deployment keeps no activity log (in-memory storage): there is nothing to import into.");
}
