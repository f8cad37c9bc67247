using TerritoryGrid.Domain;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Contracts.Rollups;
using TerritoryGrid.Grains;
using TerritoryGrid.Grains.Notifications;
using TerritoryGrid.Grains.Rollups;

namespace Orleans.Hosting;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds TerritoryGrid's grains' services: the metrics options (bound from "Metrics") and the per-silo roll-up
    /// dispatcher with its drain (which a rebuild's replay waits for). The caller chooses the "territorygrid" grain
    /// storage provider.
    /// </summary>
    public static ISiloBuilder AddTerritoryGridGrains(this ISiloBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<ITerritoryChangeSink, NoDashboardSink>();
        builder.Services.TryAddSingleton<IActivityLog, NoActivityLog>();
        builder.Services.AddSingleton<RollupDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RollupDispatcher>());
        builder.AddGrainService<RollupDrainService>();
        builder.Services.AddSingleton<IRollupDrain, ClusterRollupDrain>();
        return builder;
    }
}
