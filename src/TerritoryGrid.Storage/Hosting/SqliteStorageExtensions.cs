using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Storage.Sqlite;

namespace Orleans.Hosting;

public static class SqliteStorageExtensions
{
    /// <summary>
    /// Keeps grain state (as provider <paramref name="storageName"/>) and the activity log in one SQLite file, so
    /// the embedded server keeps its company and metrics across restarts and crashes.
    /// </summary>
    public static ISiloBuilder AddTerritoryGridSqliteStorage(this ISiloBuilder builder, string storageName, string databasePath)
    {
        builder.Services.AddSingleton(_ => new SqliteDatabase(databasePath));
        builder.Services.AddSingleton<IActivityLog, SqliteActivityLog>();
        builder.Services.AddKeyedSingleton<IGrainStorage>(storageName, (sp, _) =>
            new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<Orleans.Serialization.Serializer>()));
        return builder;
    }

    /// <summary>
    /// In-memory grain storage (tests, benchmarks, throwaway runs) that copies state with the Orleans binary
    /// serializer instead of the provider's default JSON serializer, which costs far more per write.
    /// </summary>
    public static ISiloBuilder AddTerritoryGridMemoryStorage(this ISiloBuilder builder, string name)
    {
        builder.AddMemoryGrainStorage(name);
        builder.Services.AddOptions<Orleans.Configuration.MemoryGrainStorageOptions>(name)
            .Configure<Orleans.Serialization.Serializer>((options, serializer) =>
                options.GrainStorageSerializer = new Orleans.Storage.OrleansGrainStorageSerializer(serializer));
        return builder;
    }
}
