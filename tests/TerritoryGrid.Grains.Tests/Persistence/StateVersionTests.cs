using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Domain.Coverage;
using TerritoryGrid.Grains.Accounts;
using TerritoryGrid.Grains.Persistence;
using TerritoryGrid.Grains.Reps;
using TerritoryGrid.Grains.Rollups;
using TerritoryGrid.Grains.Territories;
using TerritoryGrid.Grains.Workspaces;
using TerritoryGrid.Storage.Sqlite;

namespace TerritoryGrid.Grains.Tests.Persistence;

/// <summary>
/// State blobs written by earlier versions (Fixtures/*.v0.bin, from commit 9eca594; *.v3.bin, from 6b30ca1) are put in
/// the embedded store as that version left them, read back through its grain storage with today's types, and migrated.
/// </summary>
public sealed class StateVersionTests : IDisposable
{
    private static readonly DateTimeOffset PlanStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly string path = Path.Combine(Path.GetTempPath(), $"tg-state-versions-{Guid.NewGuid():N}.db");
    private readonly SqliteDatabase database;
    private readonly SqliteGrainStorage storage;

    public StateVersionTests()
    {
        database = new SqliteDatabase(path);
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        storage = new SqliteGrainStorage(database, serializer);
    }

    [Fact]
    public async Task Territory_state_of_version_0_loads_with_its_figures_and_gains_an_empty_snapshot_list()
    {
        var state = await MigrateAsync<TerritoryState>("territory", "TerritoryState");

        Assert.Equal("North", state.Setup!.Name);
        Assert.Equal(ServiceStatus.UnderServed, state.Status);
        Assert.Equal("coverage 0.50 < 0.90", state.StatusReason);
        Assert.False(state.Provisional);
        Assert.Equal(2, state.Trend.Count);
        Assert.Single(state.History);
        Assert.Equal(1000, state.Book.Totals.Revenue);
        AssertKeptAsTheBooksOwn(state.Book);
        Assert.NotNull(state.Snapshots);
        Assert.Empty(state.Snapshots);
        Assert.Empty(state.Book.MoneyByMonth);
    }

    [Fact]
    public async Task Account_state_of_version_0_keeps_its_ledger_and_gains_empty_totals_by_day()
    {
        var state = await MigrateAsync<AccountState>("account", "AccountState");

        Assert.Equal("Acme", state.Setup!.Name);
        Assert.Equal(3, state.Sequence);
        Assert.Equal(3, state.Totals.Events);
        Assert.Equal(1000, state.RevenueByProduct["Widget"]);
        Assert.Equal(PlanStart.AddDays(5), state.Watermark);
        Assert.True(state.Leads.ContainsKey("lead-1"));
        Assert.NotNull(state.TotalsByDay);
        Assert.Null(state.MoneyByMonth);
        Assert.Equal(0, state.TotalsByDay.Count);
        Assert.Null(state.StoredTouchesByDay);
        Assert.Null(state.StoredTotalsByDay);
    }

    [Fact]
    public async Task Account_state_of_version_3_keeps_its_touches_and_totals_by_day_in_day_maps()
    {
        // Written by commit 6b30ca1 (version 3): touches on days 20,001 (two) and 20,003, totals on days 20,001 and 20,003.
        var state = await MigrateAsync<AccountState>("account", "AccountState", fromVersion: 3);

        Assert.Equal([20_001, 20_003], state.TouchesByDay.Days.ToArray());
        Assert.Equal([2, 1], state.TouchesByDay.Values.ToArray());
        Assert.Equal([20_001, 20_003], state.TotalsByDay.Days.ToArray());
        Assert.Equal([2L, 1L], state.TotalsByDay.Values.ToArray().Select(t => t.Events));
        Assert.Equal([500.0, 0.0], state.TotalsByDay.Values.ToArray().Select(t => t.Revenue));
        Assert.Null(state.StoredTouchesByDay);
        Assert.Null(state.StoredTotalsByDay);
    }

    [Fact]
    public async Task Rep_and_workspace_states_of_version_0_load_unchanged()
    {
        var rep = await MigrateAsync<RepState>("rep", "RepState");
        Assert.Equal("Ann", rep.Setup!.Name);
        Assert.Equal(1000, rep.Book.Totals.Revenue);
        AssertKeptAsTheBooksOwn(rep.Book);

        var workspace = await MigrateAsync<WorkspaceState>("workspace", "WorkspaceState");
        Assert.Equal(2, workspace.Generation);
        Assert.Equal(3, workspace.LastReservedGeneration);
        Assert.Equal(["t1"], workspace.Manifest!.TerritoryIds);
    }

    [Fact]
    public async Task Territory_and_rep_states_of_version_3_keep_their_books_days_in_the_list_they_are_held_in_now()
    {
        // Written by commit df4b670 (version 3): account a1 with days 20,001 (2 events, 500) and 20,003 (1 event, 100).
        var territory = await MigrateAsync<TerritoryState>("territory", "TerritoryState", fromVersion: 3);
        var rep = await MigrateAsync<RepState>("rep", "RepState", fromVersion: 3);

        foreach (var book in new[] { territory.Book, rep.Book })
        {
            var held = book.ByAccount["a1"];
            Assert.Null(held.StoredTotalsByDay);
            Assert.Equal([20_001, 20_003], held.Days.Span.ToArray().Select(d => d.Day));
            Assert.Equal([500.0, 100.0], held.Days.Span.ToArray().Select(d => d.Totals.Revenue));
            Assert.Equal(600, book.Totals.Revenue);
            Assert.Equal(500, book.TotalsBefore(EventDay.Start(20_003)).Revenue);
        }
    }

    [Fact]
    public async Task A_migrated_territory_computes_past_totals_from_accounts_that_never_split_them_by_day()
    {
        // An account of the previous version sends no totals by day: its totals count wholly at every past boundary.
        var state = await MigrateAsync<TerritoryState>("territory", "TerritoryState");

        var before = state.Book.TotalsBefore(PlanStart.AddDays(2));

        Assert.Equal(state.Book.Totals.Revenue, before.Revenue);
        Assert.Equal(0, before.OpenLeads);
    }

    /// <summary>Version 3: the contributions a book kept are now copies of its own, and a migrated book keeps them so.</summary>
    private static void AssertKeptAsTheBooksOwn(ContributionBook book)
    {
        Assert.Null(book.Legacy);
        var (accountId, held) = Assert.Single(book.ByAccount);
        Assert.Equal("a1", accountId);
        Assert.Equal(1000, held.Totals.Revenue);
        Assert.True(held.Sequence > 0);
    }

    /// <summary>
    /// Stores the blob as the previous version wrote it, reads it with today's types, migrates it as a grain does on
    /// activation, writes it back and reads it again: the version sticks and nothing is lost on the way.
    /// </summary>
    private async Task<TState> MigrateAsync<TState>(string stateName, string fixture, int fromVersion = 0)
        where TState : class, IVersionedState, new()
    {
        var grainId = GrainId.Create(stateName, "ws/1/x");
        var blob = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Persistence", "Fixtures", $"{fixture}.v{fromVersion}.bin"));
        await database.WriteAsync((connection, transaction) =>
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO grain_state (grain_type, grain_id, etag, payload) VALUES ($type, $id, 1, $payload)";
            insert.Parameters.AddWithValue("$type", stateName);
            insert.Parameters.AddWithValue("$id", grainId.ToString());
            insert.Parameters.AddWithValue("$payload", blob);
            return insert.ExecuteNonQuery();
        });

        var read = new GrainState<TState>(new TState());
        await storage.ReadStateAsync(stateName, grainId, read);
        Assert.True(read.RecordExists);
        Assert.Equal(fromVersion, read.State!.Version);

        Assert.True(StateVersions.Upgrade(read.State, read.RecordExists));
        Assert.Equal(TState.CurrentVersion, read.State.Version);
        await storage.WriteStateAsync(stateName, grainId, read);

        var reread = new GrainState<TState>(new TState());
        await storage.ReadStateAsync(stateName, grainId, reread);
        Assert.Equal(TState.CurrentVersion, reread.State!.Version);
        Assert.False(StateVersions.Upgrade(reread.State, reread.RecordExists));
        return reread.State;
    }

    public void Dispose()
    {
        database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(path);
    }
}
