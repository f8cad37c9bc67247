using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using Orleans.Serialization;
using TerritoryGrid.Contracts.Activity;

namespace TerritoryGrid.Storage.Postgres;

/// <summary>
/// The activity log in PostgreSQL, shared by every silo: one statement per posted batch numbers each account's record
/// (from activity_log_head, locked in account order) and inserts the records, so the commit is the acknowledgement.
/// </summary>
public sealed class PostgresActivityLog(NpgsqlDataSource dataSource, Serializer serializer) : IActivityLog
{
    private const string DeadlockDetected = "40P01";
    private const string SerializationFailure = "40001";
    private const int MaxAttempts = 5;

    // Records are sorted by account before they are sent, and the head rows are taken in that order (the ORDER BY in
    // the SELECT feeding the upsert), so concurrent appends lock shared accounts in one order.
    private const string AppendSql = """
        WITH input AS (
            SELECT account_id, events FROM unnest(@accounts::text[], @payloads::bytea[]) AS t(account_id, events)),
        numbered AS (
            INSERT INTO activity_log_head AS h (workspace, generation, account_id, last_sequence)
            SELECT @workspace, @generation, account_id, 1 FROM input ORDER BY account_id
            ON CONFLICT (workspace, generation, account_id) DO UPDATE SET last_sequence = h.last_sequence + 1
            RETURNING account_id, last_sequence),
        appended AS (
            INSERT INTO activity_log (workspace, generation, account_id, sequence, events)
            SELECT @workspace, @generation, i.account_id, n.last_sequence, i.events
            FROM input i JOIN numbered n USING (account_id)
            RETURNING account_id, sequence)
        SELECT account_id, sequence FROM appended
        """;

    public bool IsDurable => true;

    public async Task<long[]> AppendAsync(string workspace, int generation, IReadOnlyList<AccountEvents> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return [];
        }

        var order = Enumerable.Range(0, records.Count).OrderBy(i => records[i].AccountId, StringComparer.Ordinal).ToArray();
        var accounts = order.Select(i => records[i].AccountId).ToArray();
        var payloads = order.Select(i => serializer.SerializeToArray(records[i].Events)).ToArray();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var numbers = await InsertAsync(workspace, generation, accounts, payloads, cancellationToken);
                return records.Select(r => numbers[r.AccountId]).ToArray();
            }
            catch (PostgresException exception) when (exception.SqlState is DeadlockDetected or SerializationFailure && attempt < MaxAttempts)
            {
                // The statement rolled back as a whole: nothing was numbered, so trying again loses and repeats nothing.
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken);
            }
        }
    }

    public async IAsyncEnumerable<LoggedEvents> ReadAsync(
        string workspace, int generation, string accountId, long afterSequence, long upToSequence = long.MaxValue,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT sequence, events FROM activity_log
            WHERE workspace = @workspace AND generation = @generation AND account_id = @account
              AND sequence > @after AND sequence <= @upTo
            ORDER BY sequence
            """);
        command.Parameters.AddWithValue("workspace", workspace);
        command.Parameters.AddWithValue("generation", generation);
        command.Parameters.AddWithValue("account", accountId);
        command.Parameters.AddWithValue("after", afterSequence);
        command.Parameters.AddWithValue("upTo", upToSequence);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var payload = await reader.GetFieldValueAsync<byte[]>(1, cancellationToken);
            yield return new LoggedEvents(reader.GetInt64(0), serializer.Deserialize<ActivityEvent[]>(payload) ?? []);
        }
    }

    public async IAsyncEnumerable<LoggedRecord> ReadAllAsync(
        string workspace, int generation, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // appended_at is the appending transaction's start: one batch shares it, and batches come in the order they began.
        await using var command = dataSource.CreateCommand("""
            SELECT account_id, sequence, events FROM activity_log
            WHERE workspace = @workspace AND generation = @generation
            ORDER BY appended_at, account_id, sequence
            """);
        command.Parameters.AddWithValue("workspace", workspace);
        command.Parameters.AddWithValue("generation", generation);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var payload = await reader.GetFieldValueAsync<byte[]>(2, cancellationToken);
            yield return new LoggedRecord(reader.GetString(0), reader.GetInt64(1), serializer.Deserialize<ActivityEvent[]>(payload) ?? []);
        }
    }

    public async Task<long> CountAsync(string workspace, int generation, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT COUNT(*) FROM activity_log WHERE workspace = @workspace AND generation = @generation");
        command.Parameters.AddWithValue("workspace", workspace);
        command.Parameters.AddWithValue("generation", generation);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task ImportAsync(string workspace, int generation, IReadOnlyList<LoggedRecord> records, CancellationToken cancellationToken = default)
    {
        if (records.Count == 0)
        {
            return;
        }

        // The head keeps the highest number of each account, so appends after the import number on from it.
        await using var command = dataSource.CreateCommand("""
            WITH input AS (
                SELECT * FROM unnest(@accounts::text[], @sequences::bigint[], @payloads::bytea[]) AS t(account_id, sequence, events)),
            heads AS (
                INSERT INTO activity_log_head AS h (workspace, generation, account_id, last_sequence)
                SELECT @workspace, @generation, account_id, MAX(sequence) FROM input GROUP BY account_id ORDER BY account_id
                ON CONFLICT (workspace, generation, account_id) DO UPDATE SET last_sequence = GREATEST(h.last_sequence, excluded.last_sequence))
            INSERT INTO activity_log (workspace, generation, account_id, sequence, events)
            SELECT @workspace, @generation, account_id, sequence, events FROM input
            ON CONFLICT (workspace, generation, account_id, sequence) DO NOTHING
            """);
        command.Parameters.AddWithValue("workspace", workspace);
        command.Parameters.AddWithValue("generation", generation);
        command.Parameters.Add(new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = records.Select(r => r.AccountId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("sequences", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = records.Select(r => r.Sequence).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea)
        {
            Value = records.Select(r => serializer.SerializeToArray(r.Events)).ToArray(),
        });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<Dictionary<string, long>> InsertAsync(
        string workspace, int generation, string[] accounts, byte[][] payloads, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(AppendSql);
        command.Parameters.AddWithValue("workspace", workspace);
        command.Parameters.AddWithValue("generation", generation);
        command.Parameters.Add(new NpgsqlParameter("accounts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = accounts });
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = payloads });
        var numbers = new Dictionary<string, long>(accounts.Length, StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            numbers[reader.GetString(0)] = reader.GetInt64(1);
        }

        return numbers;
    }
}
