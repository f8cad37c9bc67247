using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Backup;

/// <summary>
/// Three deployments to back up from and restore into: two on the embedded store (SQLite, durable log), each with its
/// own database file, and one in memory (no log). Each test uses workspace names of its own, so one server serves all.
/// </summary>
public sealed class BackupServers : IAsyncLifetime
{
    public SqliteTestServer Embedded { get; } = new();

    public SqliteTestServer OtherEmbedded { get; } = new();

    public TestServer InMemory { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Embedded.DisposeAsync();
        await OtherEmbedded.DisposeAsync();
        await InMemory.DisposeAsync();
    }
}
