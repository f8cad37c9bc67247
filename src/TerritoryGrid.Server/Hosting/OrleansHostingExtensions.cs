using Orleans.Configuration;
using Orleans.Dashboard;
using TerritoryGrid.Grains.Persistence;
using TerritoryGrid.Server.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class OrleansHostingExtensions
{
    /// <summary>
    /// Co-hosts a single-machine silo: localhost clustering, and grain state plus the activity log in the embedded
    /// SQLite database (or in memory, with Storage:Provider=Memory).
    /// </summary>
    public static WebApplicationBuilder AddTerritoryGridSilo(this WebApplicationBuilder builder)
    {
        var hosting = builder.Configuration.GetSection(OrleansHostingOptions.SectionName).Get<OrleansHostingOptions>() ?? new();
        var storage = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort);
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = "territorygrid";
                options.ServiceId = "territorygrid";
            });
            if (storage.Provider == StorageProvider.Memory)
            {
                silo.AddTerritoryGridMemoryStorage(StorageNames.Grains);
            }
            else
            {
                silo.AddTerritoryGridSqliteStorage(StorageNames.Grains, storage.DatabasePath);
            }

            silo.AddTerritoryGridGrains();
            silo.AddDashboard();
        });
        builder.Services.AddTerritoryGridApplication();
        builder.Services.AddHostedService<RecoveryWarmUp>();
        return builder;
    }
}
