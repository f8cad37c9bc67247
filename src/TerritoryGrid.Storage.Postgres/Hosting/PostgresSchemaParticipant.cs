using Microsoft.Extensions.Logging;
using Npgsql;

namespace TerritoryGrid.Storage.Postgres;

/// <summary>Creates or checks the schema at the very first silo start-up stage, before membership or storage use it.</summary>
internal sealed partial class PostgresSchemaParticipant(NpgsqlDataSource dataSource, ILogger<PostgresSchemaParticipant> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PostgresSchemaParticipant), ServiceLifecycleStage.First, async cancellationToken =>
        {
            var applied = await PostgresSchema.EnsureAsync(dataSource, cancellationToken);
            LogSchema(logger, applied.Count == 0 ? "up to date" : "applied " + string.Join(", ", applied));
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema {Outcome}")]
    private static partial void LogSchema(ILogger logger, string outcome);
}
