using System.Reflection;
using Npgsql;

namespace TerritoryGrid.Storage.Postgres;

/// <summary>
/// Creates or upgrades the database schema from the scripts embedded in this assembly (Schema/NNN-name.sql), each
/// applied once and recorded in schema_migrations. Every silo runs it at start-up: a transaction-scoped advisory lock
/// makes silos that start at once wait for the first one, and then find nothing left to do.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Any fixed number: the key of the advisory lock that serialises schema changes.</summary>
    private const long MigrationLockKey = 0x7465_7272_6772_6964;

    public static IReadOnlyList<string> Scripts { get; } = typeof(PostgresSchema).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith("Schema.", StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Applies the scripts this database has not seen; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name       text        NOT NULL PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand("SELECT name FROM schema_migrations", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        var newlyApplied = new List<string>();
        foreach (var script in Scripts)
        {
            var name = script["Schema.".Length..];
            if (applied.Contains(name))
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, Read(script), cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (name) VALUES (@name)", connection, transaction);
            record.Parameters.AddWithValue("name", name);
            await record.ExecuteNonQueryAsync(cancellationToken);
            newlyApplied.Add(name);
        }

        await transaction.CommitAsync(cancellationToken);
        return newlyApplied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Schema script {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
