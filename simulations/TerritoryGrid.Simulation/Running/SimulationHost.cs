using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TerritoryGrid.Application.Hosting;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Domain;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Simulator.Running;

/// <summary>
/// Batch mode's own silo, in this process, with in-memory storage: the same grains and ingest path as the server,
/// nothing shared with a running deployment. Simulated time may lie ahead of the wall clock, so the future-skew
/// check is widened to the simulated period.
/// </summary>
internal static class SimulationHost
{
    public static async Task<IHost> StartAsync(TimeSpan allowedFuture)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Orleans", LogLevel.Critical);
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreeLoopbackPort.Next(), FreeLoopbackPort.Next());
            silo.AddTerritoryGridMemoryStorage(StorageNames.Grains);
            silo.AddTerritoryGridGrains();
        });
        builder.Services.AddTerritoryGridApplication();
        builder.Services.Configure<IngestOptions>(o => o.MaxFutureSkew = allowedFuture);
        // Every simulated week ends with a read of every territory and rep: roll reps up as often as territories.
        builder.Services.Configure<MetricsOptions>(o => o.RepRollupFlushInterval = o.RollupFlushInterval);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
