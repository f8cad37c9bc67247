using Npgsql;

namespace TerritoryGrid.Benchmarks.Scenarios;

/// <summary>A new, empty PostgreSQL database for one run on the server the connection string names; dropped afterwards.</summary>
internal sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private ScratchDatabase(string server, string name)
    {
        this.server = server;
        this.name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string server)
    {
        var database = new ScratchDatabase(server, "tgbench_" + Guid.NewGuid().ToString("N")[..12]);
        await database.ExecuteAsync($"CREATE DATABASE {database.name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
