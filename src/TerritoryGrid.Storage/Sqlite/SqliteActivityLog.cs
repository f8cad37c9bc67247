using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Orleans.Serialization;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Storage.Sqlite;

/// <summary>The activity log in the embedded database: one row per account per posted batch, one commit per batch.</summary>
public sealed class SqliteActivityLog(SqliteDatabase database, Serializer serializer) : IActivityLog
{
    public bool IsDurable => true;

    public Task<long[]> AppendAsync(string workspace, int generation, IReadOnlyList<AccountEvents> records, CancellationToken cancellationToken = default)
    {
        // Serialise outside the write lock: only the inserts wait for the single writer.
        var payloads = records.Select(r => serializer.SerializeToArray(r.Events)).ToArray();
        return database.WriteAsync((connection, transaction) =>
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO activity_log (workspace, generation, account_id, events) VALUES ($workspace, $generation, $account, $events)
                RETURNING position
                """;
            var account = insert.Parameters.Add("$account", SqliteType.Text);
            var events = insert.Parameters.Add("$events", SqliteType.Blob);
            insert.Parameters.AddWithValue("$workspace", workspace);
            insert.Parameters.AddWithValue("$generation", generation);
            insert.Prepare();
            var positions = new long[records.Count];
            for (var i = 0; i < records.Count; i++)
            {
                account.Value = records[i].AccountId;
                events.Value = payloads[i];
                positions[i] = (long)insert.ExecuteScalar()!;
            }

            return positions;
        }, cancellationToken);
    }

    public async IAsyncEnumerable<LoggedEvents> ReadAsync(
        string workspace, int generation, string accountId, long afterPosition,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Read on the thread pool: an activating grain must not block its scheduler on file I/O.
        var rows = await Task.Run(() =>
        {
            using var connection = database.OpenReader();
            using var select = connection.CreateCommand();
            select.CommandText = """
                SELECT position, events FROM activity_log
                WHERE workspace = $workspace AND generation = $generation AND account_id = $account AND position > $after
                ORDER BY position
                """;
            select.Parameters.AddWithValue("$workspace", workspace);
            select.Parameters.AddWithValue("$generation", generation);
            select.Parameters.AddWithValue("$account", accountId);
            select.Parameters.AddWithValue("$after", afterPosition);
            using var reader = select.ExecuteReader();
            var found = new List<(long, byte[])>();
            while (reader.Read())
            {
                found.Add((reader.GetInt64(0), (byte[])reader[1]));
            }

            return found;
        }, cancellationToken);

        foreach (var (position, payload) in rows)
        {
            yield return new LoggedEvents(position, serializer.Deserialize<ActivityEvent[]>(payload) ?? []);
        }
    }
}
