using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Storage.Sqlite;

namespace TerritoryGrid.Server.Tests.Storage;

/// <summary>The embedded log's numbering: per account, gap-free, and continued from the file after a restart.</summary>
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
            var log = new SqliteActivityLog(database, Serializer);
            Assert.Equal(new long[] { 1, 1 }, await log.AppendAsync(Workspace, 1, [Record("a", "e1"), Record("b", "e2", "e3")]));
            Assert.Equal(new long[] { 2 }, await log.AppendAsync(Workspace, 1, [Record("a", "e4")]));
        }

        // A new instance knows no account's last number: each is read from the file, and a new account starts at 1.
        using var reopened = new SqliteDatabase(DatabasePath);
        var again = new SqliteActivityLog(reopened, Serializer);
        Assert.Equal(new long[] { 2, 3, 1 }, await again.AppendAsync(Workspace, 1, [Record("b", "e5"), Record("a", "e6"), Record("c", "e7")]));
        Assert.Equal(new long[] { 1 }, await again.AppendAsync(Workspace, 2, [Record("a", "e8")]));

        var a = await ReadAsync(again, "a", after: 0);
        Assert.Equal([(1L, "e1"), (2L, "e4"), (3L, "e6")], a);
        Assert.Equal([(2L, "e4")], await ReadAsync(again, "a", after: 1, upTo: 2));
        Assert.Equal([(1L, "e2"), (1L, "e3"), (2L, "e5")], await ReadAsync(again, "b", after: 0));
        Assert.Equal(6, await again.CountAsync(Workspace, 1));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

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
