using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Storage.Sqlite;

/// <summary>
/// The activity log in the embedded database: one row per account per posted batch, numbered per account, one
/// commit per batch. The single writer knows each account's last number (read once, then cached).
/// </summary>
public sealed class SqliteActivityLog(SqliteDatabase database, Serializer serializer) : IActivityLog
{
    private readonly Dictionary<(string Workspace, int Generation, string Account), long> lastSequence = [];

    public bool IsDurable => true;

    public async Task<long[]> AppendAsync(string workspace, int generation, IReadOnlyList<AccountEvents> records, CancellationToken cancellationToken = default)
    {
        // Serialise outside the write lock: only the inserts wait for the single writer.
        var payloads = records.Select(r => serializer.SerializeToArray(r.Events)).ToArray();
        try
        {
            return await database.WriteAsync((connection, transaction) => Insert(connection, transaction, workspace, generation, records, payloads), cancellationToken);
        }
        catch
        {
            // The numbers handed out by a transaction that did not commit must not be skipped: forget the cache.
            lastSequence.Clear();
            throw;
        }
    }

    public async IAsyncEnumerable<LoggedEvents> ReadAsync(
        string workspace, int generation, string accountId, long afterSequence, long upToSequence = long.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Read on the thread pool: an activating grain must not block its scheduler on file I/O.
        var rows = await Task.Run(() =>
        {
            using var connection = database.OpenReader();
            using var select = connection.CreateCommand();
            select.CommandText = """
                SELECT sequence, events FROM activity_log
                WHERE workspace = $workspace AND generation = $generation AND account_id = $account
                  AND sequence > $after AND sequence <= $upTo
                ORDER BY sequence
                """;
            select.Parameters.AddWithValue("$workspace", workspace);
            select.Parameters.AddWithValue("$generation", generation);
            select.Parameters.AddWithValue("$account", accountId);
            select.Parameters.AddWithValue("$after", afterSequence);
            select.Parameters.AddWithValue("$upTo", upToSequence);
            using var reader = select.ExecuteReader();
            var found = new List<(long, byte[])>();
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), (byte[])reader[1]));
            }

            return found;
        }, cancellationToken);

        foreach (var (sequence, payload) in rows)
        {
            yield return new LoggedEvents(sequence, serializer.Deserialize<ActivityEvent[]>(payload) ?? []);
        }
    }

    public async IAsyncEnumerable<LoggedRecord> ReadAllAsync(
        string workspace, int generation, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Page by position (append order) so a large log is never held in memory at once.
        const int PageSize = 4096;
        var after = 0L;
        while (true)
        {
            var page = await Task.Run(() => ReadPage(workspace, generation, after, PageSize), cancellationToken);
            foreach (var (_, accountId, sequence, payload) in page)
            {
                yield return new LoggedRecord(accountId, sequence, serializer.Deserialize<ActivityEvent[]>(payload) ?? []);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Position;
        }
    }

    private List<(long Position, string AccountId, long Sequence, byte[] Payload)> ReadPage(string workspace, int generation, long after, int limit)
    {
        using var connection = database.OpenReader();
        using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT position, account_id, sequence, events FROM activity_log
            WHERE workspace = $workspace AND generation = $generation AND position > $after
            ORDER BY position LIMIT $limit
            """;
        select.Parameters.AddWithValue("$workspace", workspace);
        select.Parameters.AddWithValue("$generation", generation);
        select.Parameters.AddWithValue("$after", after);
        select.Parameters.AddWithValue("$limit", limit);
        using var reader = select.ExecuteReader();
        var page = new List<(long, string, long, byte[])>();
        while (reader.Read())
        {
            page.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), (byte[])reader[3]));
        }

        return page;
    }

    public Task<long> CountAsync(string workspace, int generation, CancellationToken cancellationToken = default) =>
        Task.Run(() =>
        {
            using var connection = database.OpenReader();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM activity_log WHERE workspace = $workspace AND generation = $generation";
            count.Parameters.AddWithValue("$workspace", workspace);
            count.Parameters.AddWithValue("$generation", generation);
            return (long)count.ExecuteScalar()!;
        }, cancellationToken);

    public async Task ImportAsync(string workspace, int generation, IReadOnlyList<LoggedRecord> records, CancellationToken cancellationToken = default)
    {
        var payloads = records.Select(r => serializer.SerializeToArray(r.Events)).ToArray();
        await database.WriteAsync((connection, transaction) =>
        {
            var (insert, account, sequence, events) = PrepareInsert(connection, transaction, workspace, generation, "INSERT OR IGNORE");
            using (insert)
            {
                for (var i = 0; i < records.Count; i++)
                {
                    account.Value = records[i].AccountId;
                    sequence.Value = records[i].Sequence;
                    events.Value = payloads[i];
                    insert.ExecuteNonQuery();
                    // Appends after the import must number on from the imported records.
                    lastSequence.Remove((workspace, generation, records[i].AccountId));
                }
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>The prepared insert of one record, its per-record parameters left to set.</summary>
    private static (SqliteCommand Insert, SqliteParameter Account, SqliteParameter Sequence, SqliteParameter Events) PrepareInsert(
        SqliteConnection connection, SqliteTransaction transaction, string workspace, int generation, string verb)
    {
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            {verb} INTO activity_log (workspace, generation, account_id, sequence, events)
            VALUES ($workspace, $generation, $account, $sequence, $events)
            """;
        insert.Parameters.AddWithValue("$workspace", workspace);
        insert.Parameters.AddWithValue("$generation", generation);
        var account = insert.Parameters.Add("$account", SqliteType.Text);
        var sequence = insert.Parameters.Add("$sequence", SqliteType.Integer);
        var events = insert.Parameters.Add("$events", SqliteType.Blob);
        insert.Prepare();
        return (insert, account, sequence, events);
    }

    private long[] Insert(
        SqliteConnection connection, SqliteTransaction transaction, string workspace, int generation,
        IReadOnlyList<AccountEvents> records, byte[][] payloads)
    {
        var (insert, account, sequence, events) = PrepareInsert(connection, transaction, workspace, generation, "INSERT");
        using var prepared = insert;
        // Prepared once per batch, on first need: after a restart most accounts of a batch are not cached yet.
        SqliteCommand? lastOf = null;
        try
        {
            var numbers = new long[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                var key = (workspace, generation, records[i].AccountId);
                if (!lastSequence.TryGetValue(key, out var last))
                {
                    lastOf ??= PrepareLastSequence(connection, transaction, workspace, generation);
                    lastOf.Parameters[2].Value = records[i].AccountId;
                    last = lastOf.ExecuteScalar() is long found ? found : 0;
                }

                numbers[i] = last + 1;
                lastSequence[key] = numbers[i];
                account.Value = records[i].AccountId;
                sequence.Value = numbers[i];
                events.Value = payloads[i];
                insert.ExecuteNonQuery();
            }

            return numbers;
        }
        finally
        {
            lastOf?.Dispose();
        }
    }

    /// <summary>The prepared query of an account's last number; its third parameter is the account.</summary>
    private static SqliteCommand PrepareLastSequence(SqliteConnection connection, SqliteTransaction transaction, string workspace, int generation)
    {
        var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = "SELECT MAX(sequence) FROM activity_log WHERE workspace = $workspace AND generation = $generation AND account_id = $account";
        select.Parameters.AddWithValue("$workspace", workspace);
        select.Parameters.AddWithValue("$generation", generation);
        select.Parameters.Add("$account", SqliteType.Text);
        select.Prepare();
        return select;
    }
}
