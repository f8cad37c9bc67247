using Microsoft.Data.Sqlite;

namespace TerritoryGrid.Storage.Sqlite;

/// <summary>
/// The log's per-account index (account and number to position), written behind the log. Indexing each record as it
/// was appended dirtied a page at a random place of the index per account of a batch, and each commit wrote those
/// pages out again; written in bulk, sorted, a flush writes each index page once for many batches. Records not indexed
/// yet are found through <see cref="UnindexedRecords"/>; after a crash, opening the database indexes them from the log.
/// </summary>
internal static class SqliteLogIndex
{
    /// <summary>Creates the index (and drops the per-row one of earlier versions), then indexes what the log holds beyond it.</summary>
    public static void Open(SqliteConnection writer)
    {
        using var transaction = writer.BeginTransaction();
        Execute(writer, transaction, """
            DROP INDEX IF EXISTS activity_log_by_account;
            CREATE INDEX IF NOT EXISTS activity_log_by_generation ON activity_log (workspace, generation, position);
            CREATE TABLE IF NOT EXISTS activity_index (
                workspace TEXT NOT NULL, generation INTEGER NOT NULL, account_id TEXT NOT NULL, sequence INTEGER NOT NULL,
                position INTEGER NOT NULL, PRIMARY KEY (workspace, generation, account_id, sequence)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS activity_index_state (id INTEGER PRIMARY KEY CHECK (id = 1), indexed_up_to INTEGER NOT NULL);
            INSERT OR IGNORE INTO activity_index_state (id, indexed_up_to) VALUES (1, 0);
            INSERT OR IGNORE INTO activity_index (workspace, generation, account_id, sequence, position)
                SELECT workspace, generation, account_id, sequence, position FROM activity_log
                WHERE position > (SELECT indexed_up_to FROM activity_index_state WHERE id = 1)
                ORDER BY workspace, generation, account_id, sequence;
            UPDATE activity_index_state SET indexed_up_to = (SELECT COALESCE(MAX(position), 0) FROM activity_log) WHERE id = 1;
            """);
        transaction.Commit();
    }

    /// <summary>Writes <paramref name="count"/> of <paramref name="entries"/> (in index order) from <paramref name="first"/>.</summary>
    public static void Write(SqliteConnection connection, List<(AccountKey Key, long Sequence, long Position)> entries, int first, int count)
    {
        using var insert = new RawStatement(connection, """
            INSERT INTO activity_index (workspace, generation, account_id, sequence, position) VALUES (?1, ?2, ?3, ?4, ?5)
            """);
        for (var i = first; i < first + count; i++)
        {
            var (key, sequence, position) = entries[i];
            insert.Bind(1, key.Workspace);
            insert.Bind(2, key.Generation);
            insert.Bind(3, key.Account);
            insert.Bind(4, sequence);
            insert.Bind(5, position);
            insert.Execute();
        }
    }

    /// <summary>
    /// Records that every record up to <paramref name="lastPosition"/> is indexed: the ones that waited have just been
    /// written, the others were indexed before.
    /// </summary>
    public static void MarkIndexed(SqliteConnection connection, SqliteTransaction transaction, long lastPosition)
    {
        using var mark = connection.CreateCommand();
        mark.Transaction = transaction;
        mark.CommandText = "UPDATE activity_index_state SET indexed_up_to = MAX(indexed_up_to, $position) WHERE id = 1";
        mark.Parameters.AddWithValue("$position", lastPosition);
        mark.ExecuteNonQuery();
    }

    /// <summary>A prepared query of an account's highest indexed number (null when none); ?3, the account, left to bind.</summary>
    public static RawStatement PrepareLastSequence(SqliteConnection connection, string workspace, int generation)
    {
        var select = new RawStatement(connection, "SELECT MAX(sequence) FROM activity_index WHERE workspace = ?1 AND generation = ?2 AND account_id = ?3");
        select.Bind(1, workspace);
        select.Bind(2, generation);
        return select;
    }

    /// <summary>A prepared query whether an account's number is indexed (1, else null); ?3 (account) and ?4 (number) left to bind.</summary>
    public static RawStatement PrepareContains(SqliteConnection connection, string workspace, int generation)
    {
        var select = new RawStatement(connection, "SELECT 1 FROM activity_index WHERE workspace = ?1 AND generation = ?2 AND account_id = ?3 AND sequence = ?4");
        select.Bind(1, workspace);
        select.Bind(2, generation);
        return select;
    }

    /// <summary>Indexes one record at once (an imported one: imports are rare and check what is indexed as they go).</summary>
    public static void Add(SqliteConnection connection, AccountKey key, long sequence, long position) =>
        Write(connection, [(key, sequence, position)], 0, 1);

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
