using Microsoft.Extensions.Logging;

namespace TerritoryGrid.Storage.Sqlite;

/// <summary>Writing the per-account index behind the log: when, in what runs, and what a failure leaves.</summary>
public sealed partial class SqliteActivityLog
{
    private readonly SemaphoreSlim flushLock = new(1, 1);
    private int flushing;

    /// <summary>
    /// How many records may wait for the index before a flush writes it (about two seconds of ingest at full speed;
    /// what a restart after a crash indexes at most, besides the batches in flight).
    /// </summary>
    public int FlushThreshold { get; init; } = 100_000;

    /// <summary>Index entries written per transaction of a flush (bounds how long an append waits behind one).</summary>
    public int FlushChunk { get; init; } = 16_384;

    /// <summary>
    /// Writes the index of every record appended since the last flush, in sorted runs of <see cref="FlushChunk"/>
    /// entries, each its own transaction: appends go on between them (the runs are disjoint ranges of the index, so
    /// splitting writes hardly more pages). The records stay findable in memory until the last run has committed.
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await flushLock.WaitAsync(cancellationToken);
        try
        {
            List<(AccountKey Key, long Sequence, long Position)>? entries = null;
            var lastPosition = 0L;
            var written = 0;
            bool done;
            do
            {
                done = await database.WriteAsync(
                    (connection, transaction) =>
                    {
                        if (entries is null)
                        {
                            (entries, lastPosition) = unindexed.Snapshot();
                        }

                        var count = Math.Min(FlushChunk, entries.Count - written);
                        SqliteLogIndex.Write(connection, entries, written, count);
                        written += count;
                        if (written < entries.Count)
                        {
                            return false;
                        }

                        SqliteLogIndex.MarkIndexed(connection, transaction, lastPosition);
                        return true;
                    },
                    last => { if (last) unindexed.RemoveUpTo(lastPosition); },
                    cancellationToken);
            }
            while (!done);
        }
        finally
        {
            flushLock.Release();
        }
    }

    private async Task FlushInBackgroundAsync()
    {
        try
        {
            await FlushAsync();
        }
        catch (Exception exception)
        {
            // Nothing is lost: the records stay findable in memory, and the next append past the threshold tries again.
            LogFlushFailed(logger, exception, unindexed.Count);
        }
        finally
        {
            Volatile.Write(ref flushing, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the activity log's index failed; {Waiting} records wait for it")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception, int waiting);
}
