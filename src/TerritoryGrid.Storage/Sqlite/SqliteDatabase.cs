using Microsoft.Data.Sqlite;

namespace TerritoryGrid.Storage.Sqlite;

/// <summary>
/// The embedded database file. SQLite takes one writer at a time, so writes share one connection behind a lock
/// (and are grouped into few transactions); reads use their own connections, which WAL lets run beside the writer.
/// Commits survive a crash of the process (kill -9); synchronous=NORMAL trades durability on power loss for speed.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly SqliteConnection writer;
    private readonly SemaphoreSlim writeLock = new(1, 1);

    public SqliteDatabase(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        writer = new SqliteConnection(ConnectionString);
        writer.Open();
        // Grain states and the flushes of the log's per-account index write pages scattered over large tables: with
        // SQLite's 2 MB cache those pages were read again and spilled on every commit. 64 MB keeps them; the WAL is
        // folded back every 16,384 pages (64 MB) instead of 1,000, so a page rewritten by many commits is copied once.
        Execute(writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA cache_size = -65536;
            PRAGMA wal_autocheckpoint = 16384;
            CREATE TABLE IF NOT EXISTS grain_state (
                grain_type TEXT NOT NULL, grain_id TEXT NOT NULL, etag INTEGER NOT NULL, payload BLOB NOT NULL,
                PRIMARY KEY (grain_type, grain_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS activity_log (
                position INTEGER PRIMARY KEY AUTOINCREMENT, workspace TEXT NOT NULL, generation INTEGER NOT NULL,
                account_id TEXT NOT NULL, sequence INTEGER NOT NULL, events BLOB NOT NULL);
            """);
        SqliteLogIndex.Open(writer);
    }

    public string ConnectionString { get; }

    /// <summary>Runs <paramref name="write"/> on the single writer connection inside one transaction.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, CancellationToken cancellationToken = default) =>
        WriteAsync(write, committed: null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="write"/> inside one transaction, then <paramref name="committed"/> once it has committed,
    /// still holding the writer: no other write comes between the commit and what follows from it.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> write, Action<T>? committed, CancellationToken cancellationToken = default)
    {
        await writeLock.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() =>
            {
                using var transaction = writer.BeginTransaction();
                var result = write(writer, transaction);
                transaction.Commit();
                committed?.Invoke(result);
                return result;
            }, cancellationToken);
        }
        finally
        {
            writeLock.Release();
        }
    }

    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        writer.Dispose();
        writeLock.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
