using Orleans.Configuration;
using TerritoryGrid.Grains.Persistence;
using TerritoryGrid.Server.Hosting;

namespace Microsoft.AspNetCore.Builder;

public static class OrleansHostingExtensions
{
    /// <summary>
    /// Co-hosts a single-machine silo: localhost clustering, in-memory grain storage. Durable storage and the
    /// PostgreSQL cluster are configured here too once they exist.
    /// </summary>
    public static WebApplicationBuilder AddTerritoryGridSilo(this WebApplicationBuilder builder)
    {
        var hosting = builder.Configuration.GetSection(OrleansHostingOptions.SectionName).Get<OrleansHostingOptions>() ?? new();
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(hosting.SiloPort, hosting.GatewayPort);
            silo.Configure<ClusterOptions>(options =>
            {
                options.ClusterId = "territorygrid";
                options.ServiceId = "territorygrid";
            });
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.AddTerritoryGridGrains();
        });
        builder.Services.AddTerritoryGridApplication();
        return builder;
    }
}
