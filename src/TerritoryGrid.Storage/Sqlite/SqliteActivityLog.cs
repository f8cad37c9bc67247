using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Storage.Sqlite;

/// <summary>
/// The activity log in the embedded database: one row per account per posted batch, numbered per account, one
/// commit per batch. The single writer knows each account's last number (read once, then cached). The per-account
/// index is written behind the log, in bulk (<see cref="SqliteLogIndex"/>); until then <see cref="UnindexedRecords"/>
/// says where an account's latest records are.
/// </summary>
public sealed partial class SqliteActivityLog(SqliteDatabase database, Serializer serializer, ILogger<SqliteActivityLog> logger) : IActivityLog
{
    private readonly Dictionary<AccountKey, long> lastSequence = [];
    private readonly UnindexedRecords unindexed = new();


    public bool IsDurable => true;

    public async Task<long[]> AppendAsync(string workspace, int generation, IReadOnlyList<AccountEvents> records, CancellationToken cancellationToken = default)
    {
        // Serialise outside the write lock: only the inserts wait for the single writer.
        var payloads = records.Select(r => serializer.SerializeToArray(r.Events)).ToArray();
        long[] numbers;
        try
        {
            (numbers, _) = await database.WriteAsync(
                (connection, _) => Insert(connection, workspace, generation, records, payloads),
                appended => unindexed.Add(workspace, generation, records, appended.Numbers, appended.Positions),
                cancellationToken);
        }
        catch
        {
            // The numbers handed out by a transaction that did not commit must not be skipped: forget the cache.
            lastSequence.Clear();
            throw;
        }

        if (unindexed.Count >= FlushThreshold && Interlocked.CompareExchange(ref flushing, 1, 0) == 0)
        {
            _ = FlushInBackgroundAsync();
        }

        return numbers;
    }

    public async IAsyncEnumerable<LoggedEvents> ReadAsync(
        string workspace, int generation, string accountId, long afterSequence, long upToSequence = long.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The waiting records are taken before the index is read: one a flush indexes in between is then found twice
        // (kept once), never missed. Read on the thread pool: an activating grain must not block its scheduler on I/O.
        var waiting = unindexed.Of(new AccountKey(workspace, generation, accountId), afterSequence, upToSequence);
        var rows = await Task.Run(() =>
        {
            using var connection = database.OpenReader();
            var found = new SortedDictionary<long, byte[]>();
            using (var select = connection.CreateCommand())
            {
                select.CommandText = """
                    SELECT i.sequence, l.events FROM activity_index i JOIN activity_log l ON l.position = i.position
                    WHERE i.workspace = $workspace AND i.generation = $generation AND i.account_id = $account
                      AND i.sequence > $after AND i.sequence <= $upTo
                    """;
                select.Parameters.AddWithValue("$workspace", workspace);
                select.Parameters.AddWithValue("$generation", generation);
                select.Parameters.AddWithValue("$account", accountId);
                select.Parameters.AddWithValue("$after", afterSequence);
                select.Parameters.AddWithValue("$upTo", upToSequence);
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    found[reader.GetInt64(0)] = (byte[])reader[1];
                }
            }

            if (waiting.Length > 0)
            {
                using var byPosition = connection.CreateCommand();
                byPosition.CommandText = "SELECT events FROM activity_log WHERE position = $position";
                var position = byPosition.Parameters.Add("$position", SqliteType.Integer);
                foreach (var record in waiting.Where(r => !found.ContainsKey(r.Sequence)))
                {
                    position.Value = record.Position;
                    found[record.Sequence] = (byte[])byPosition.ExecuteScalar()!;
                }
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
        await database.WriteAsync((connection, _) =>
        {
            using var insert = PrepareInsert(connection, workspace, generation);
            using var indexed = SqliteLogIndex.PrepareContains(connection, workspace, generation);
            foreach (var (record, payload) in records.Zip(payloads))
            {
                var key = new AccountKey(workspace, generation, record.AccountId);
                indexed.Bind(3, record.AccountId);
                indexed.Bind(4, record.Sequence);
                if (indexed.QueryInt64() is not null || unindexed.Contains(key, record.Sequence))
                {
                    continue;
                }

                insert.Bind(3, record.AccountId);
                insert.Bind(4, record.Sequence);
                insert.Bind(5, payload);
                insert.Execute();
                SqliteLogIndex.Add(connection, key, record.Sequence, LastPosition(connection));
                // Appends after the import must number on from the imported records.
                lastSequence.Remove(key);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>The prepared insert of one record: ?3 (account), ?4 (number) and ?5 (events) left to bind.</summary>
    private static RawStatement PrepareInsert(SqliteConnection connection, string workspace, int generation)
    {
        var insert = new RawStatement(connection, """
            INSERT INTO activity_log (workspace, generation, account_id, sequence, events) VALUES (?1, ?2, ?3, ?4, ?5)
            """);
        insert.Bind(1, workspace);
        insert.Bind(2, generation);
        return insert;
    }

    private (long[] Numbers, long[] Positions) Insert(
        SqliteConnection connection, string workspace, int generation, IReadOnlyList<AccountEvents> records, byte[][] payloads)
    {
        using var insert = PrepareInsert(connection, workspace, generation);
        // Prepared once per batch, on first need: after a restart most accounts of a batch are not cached yet.
        RawStatement? lastIndexed = null;
        try
        {
            var numbers = new long[records.Count];
            var positions = new long[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                var key = new AccountKey(workspace, generation, records[i].AccountId);
                if (!lastSequence.TryGetValue(key, out var last))
                {
                    // Both: an import indexes at once, so the index may hold a higher number than the waiting records.
                    last = Math.Max(unindexed.LastSequence(key) ?? 0, LastIndexed(records[i].AccountId));
                }

                numbers[i] = last + 1;
                lastSequence[key] = numbers[i];
                insert.Bind(3, records[i].AccountId);
                insert.Bind(4, numbers[i]);
                insert.Bind(5, payloads[i]);
                insert.Execute();
                positions[i] = LastPosition(connection);
            }

            return (numbers, positions);
        }
        finally
        {
            lastIndexed?.Dispose();
        }

        long LastIndexed(string accountId)
        {
            lastIndexed ??= SqliteLogIndex.PrepareLastSequence(connection, workspace, generation);
            lastIndexed.Bind(3, accountId);
            return lastIndexed.QueryInt64() ?? 0;
        }
    }

    /// <summary>The position the writer's last insert gave its row.</summary>
    private static long LastPosition(SqliteConnection connection) => SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle);
}
