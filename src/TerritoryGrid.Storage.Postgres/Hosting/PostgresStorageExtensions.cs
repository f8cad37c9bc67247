using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Storage.Postgres;

namespace Orleans.Hosting;

public static class PostgresStorageExtensions
{
    /// <summary>The ADO.NET providers' name for Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>
    /// Cluster mode: membership, grain state (as provider <paramref name="storageName"/>) and the activity log in one
    /// PostgreSQL database, whose schema each silo creates or checks before anything else starts.
    /// </summary>
    public static ISiloBuilder AddTerritoryGridPostgres(this ISiloBuilder builder, string storageName, string connectionString)
    {
        connectionString = WithBoundedPool(connectionString);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, PostgresSchemaParticipant>();
        builder.UseAdoNetClustering(options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        builder.AddAdoNetGrainStorage(storageName, options =>
        {
            options.Invariant = Invariant;
            options.ConnectionString = connectionString;
        });
        // The Orleans binary serializer: the provider's default JSON costs far more per write.
        builder.Services.AddOptions<AdoNetGrainStorageOptions>(storageName)
            .Configure<Orleans.Serialization.Serializer>((options, serializer) =>
                options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        builder.Services.AddSingleton<IActivityLog, PostgresActivityLog>();
        return builder;
    }

    /// <summary>
    /// Connections each pool of a silo may open unless the connection string says otherwise. A silo has two pools (the
    /// Orleans providers', and the activity log's): three silos open at most 192, within the 200 docker-compose.yml
    /// gives PostgreSQL. Npgsql's own default (100 per pool) let one silo loading a large company exhaust a server
    /// with PostgreSQL's default limit of 100.
    /// </summary>
    public const int DefaultMaxPoolSize = 32;

    /// <summary>
    /// How long a request may wait for a pooled connection (Npgsql's "Timeout"): loading a 100,000-account company
    /// activates accounts 512 at a time, and on a busy machine the default 15 s was not enough.
    /// </summary>
    public const int DefaultTimeoutSeconds = 60;

    private static string WithBoundedPool(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = DefaultTimeoutSeconds;
        }

        return builder.ConnectionString;
    }

    /// <summary>Keeps Data Protection's keys in the cluster database, shared by every front end.</summary>
    public static IServiceCollection AddTerritoryGridSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("TerritoryGrid");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new PostgresXmlRepository(sp.GetRequiredService<NpgsqlDataSource>())));
        return services;
    }
}
