using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Storage.Sqlite;

namespace TerritoryGrid.Server.Tests.Storage;

/// <summary>
/// The embedded log: numbering per account, gap-free, continued from the file after a restart; every record found
/// whether its index entry is written, waiting in memory, or lost with the process and rebuilt as the file opens.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class SqliteActivityLogTests(ServerFixture server) : IDisposable
{
    private const string Workspace = "log-numbering";
    private readonly string directory = Directory.CreateTempSubdirectory("territorygrid-log-").FullName;

    private string DatabasePath => Path.Combine(directory, "territorygrid.db");

    private Serializer Serializer => server.Services.GetRequiredService<Serializer>();

    [Fact]
    public async Task Numbers_ContinuePerAccount_AfterTheLogIsOpenedAgain()
    {
        using (var database = new SqliteDatabase(DatabasePath))
        {
            var log = Open(database);
            Assert.Equal(new long[] { 1, 1 }, await log.AppendAsync(Workspace, 1, [Record("a", "e1"), Record("b", "e2", "e3")]));
            Assert.Equal(new long[] { 2 }, await log.AppendAsync(Workspace, 1, [Record("a", "e4")]));
        }

        // A new instance knows no account's last number: each is read from the file, and a new account starts at 1.
        using var reopened = new SqliteDatabase(DatabasePath);
        var again = Open(reopened);
        Assert.Equal(new long[] { 2, 3, 1 }, await again.AppendAsync(Workspace, 1, [Record("b", "e5"), Record("a", "e6"), Record("c", "e7")]));
        Assert.Equal(new long[] { 1 }, await again.AppendAsync(Workspace, 2, [Record("a", "e8")]));

        var a = await ReadAsync(again, "a", after: 0);
        Assert.Equal([(1L, "e1"), (2L, "e4"), (3L, "e6")], a);
        Assert.Equal([(2L, "e4")], await ReadAsync(again, "a", after: 1, upTo: 2));
        Assert.Equal([(1L, "e2"), (1L, "e3"), (2L, "e5")], await ReadAsync(again, "b", after: 0));
        Assert.Equal(6, await again.CountAsync(Workspace, 1));
    }

    [Fact]
    public async Task Reads_FindIndexedAndWaitingRecords_AndImportsSkipNumbersAlreadyTaken()
    {
        using var database = new SqliteDatabase(DatabasePath);
        // Flushed one entry per transaction: what a flush in several runs leaves must read the same.
        var log = new SqliteActivityLog(database, Serializer, NullLogger<SqliteActivityLog>.Instance) { FlushChunk = 1 };
        await log.AppendAsync(Workspace, 1, [Record("a", "e1"), Record("b", "e2")]);
        await log.AppendAsync(Workspace, 1, [Record("a", "e3")]);
        await log.FlushAsync();
        await log.AppendAsync(Workspace, 1, [Record("a", "e4")]);

        Assert.Equal([(1L, "e1"), (2L, "e3"), (3L, "e4")], await ReadAsync(log, "a", after: 0));
        Assert.Equal([(3L, "e4")], await ReadAsync(log, "a", after: 2));

        // Numbers 2 (indexed) and 3 (waiting) are taken and stay as they are; 4 is new, and appends number on from it.
        await log.ImportAsync(Workspace, 1, [Logged("a", 2, "x2"), Logged("a", 3, "x3"), Logged("a", 4, "x4")]);
        Assert.Equal(new long[] { 5, 2 }, await log.AppendAsync(Workspace, 1, [Record("a", "e5"), Record("b", "e6")]));
        Assert.Equal([(1L, "e1"), (2L, "e3"), (3L, "e4"), (4L, "x4"), (5L, "e5")], await ReadAsync(log, "a", after: 0));
        await log.FlushAsync();
        Assert.Equal([(1L, "e1"), (2L, "e3"), (3L, "e4"), (4L, "x4"), (5L, "e5")], await ReadAsync(log, "a", after: 0));
        Assert.Equal(7, await log.CountAsync(Workspace, 1));
    }

    [Fact]
    public async Task AppendsPastTheThreshold_WriteTheIndexInTheBackground()
    {
        using var database = new SqliteDatabase(DatabasePath);
        var log = new SqliteActivityLog(database, Serializer, NullLogger<SqliteActivityLog>.Instance) { FlushThreshold = 3 };
        await log.AppendAsync(Workspace, 1, [Record("a", "e1"), Record("b", "e2")]);
        Assert.Equal(0, IndexedCount());
        await log.AppendAsync(Workspace, 1, [Record("a", "e3"), Record("c", "e4")]);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (IndexedCount() < 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(4, IndexedCount());
        Assert.Equal([(1L, "e1"), (2L, "e3")], await ReadAsync(log, "a", after: 0));
    }

    private long IndexedCount()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM activity_index";
        return (long)count.ExecuteScalar()!;
    }

    [Fact]
    public async Task ADatabaseOfAnEarlierVersion_IsIndexedAsItOpens()
    {
        // The earlier schema: the log indexed per record as it was appended.
        using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE activity_log (
                    position INTEGER PRIMARY KEY AUTOINCREMENT, workspace TEXT NOT NULL, generation INTEGER NOT NULL,
                    account_id TEXT NOT NULL, sequence INTEGER NOT NULL, events BLOB NOT NULL);
                CREATE UNIQUE INDEX activity_log_by_account ON activity_log (workspace, generation, account_id, sequence);
                """;
            create.ExecuteNonQuery();
            foreach (var (sequence, id) in new[] { (1L, "old1"), (2L, "old2") })
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO activity_log (workspace, generation, account_id, sequence, events) VALUES ($w, 1, 'a', $s, $e)";
                insert.Parameters.AddWithValue("$w", Workspace);
                insert.Parameters.AddWithValue("$s", sequence);
                insert.Parameters.AddWithValue("$e", Serializer.SerializeToArray(new[] { new ActivityEvent(id, ActivityKind.Call, DateTimeOffset.UnixEpoch, "a") }));
                insert.ExecuteNonQuery();
            }
        }

        SqliteConnection.ClearAllPools();
        using var database = new SqliteDatabase(DatabasePath);
        var log = Open(database);
        Assert.Equal(new long[] { 3 }, await log.AppendAsync(Workspace, 1, [Record("a", "e3")]));
        Assert.Equal([(1L, "old1"), (2L, "old2"), (3L, "e3")], await ReadAsync(log, "a", after: 0));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private SqliteActivityLog Open(SqliteDatabase database) => new(database, Serializer, NullLogger<SqliteActivityLog>.Instance);

    private static LoggedRecord Logged(string account, long sequence, string id) =>
        new(account, sequence, [new ActivityEvent(id, ActivityKind.Call, DateTimeOffset.UnixEpoch, account)]);

    private static AccountEvents Record(string account, params string[] ids) =>
        new(account, [.. ids.Select(id => new ActivityEvent(id, ActivityKind.Call, DateTimeOffset.UnixEpoch, account))]);

    private static async Task<List<(long Sequence, string Id)>> ReadAsync(SqliteActivityLog log, string account, long after, long upTo = long.MaxValue)
    {
        var found = new List<(long, string)>();
        await foreach (var record in log.ReadAsync(Workspace, 1, account, after, upTo))
        {
            found.AddRange(record.Events.Select(e => (record.Sequence, e.Id)));
        }

        return found;
    }
}
