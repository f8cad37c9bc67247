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

    /// <summary>Keeps Data Protection's keys in the cluster database, shared by every front end.</summary>
    public static IServiceCollection AddTerritoryGridSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("TerritoryGrid");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new PostgresXmlRepository(sp.GetRequiredService<NpgsqlDataSource>())));
        return services;
    }
}
