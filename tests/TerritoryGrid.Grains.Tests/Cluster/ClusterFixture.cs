using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.TestingHost;
using TerritoryGrid.Application.Companies;
using TerritoryGrid.Application.Ingest;
using TerritoryGrid.Application.Queries;
using TerritoryGrid.Contracts.Activity;
using TerritoryGrid.Domain;
using TerritoryGrid.Grains.Persistence;

namespace TerritoryGrid.Grains.Tests.Cluster;

/// <summary>A two-silo in-process cluster with the real grains and memory storage, shared by a test collection.</summary>
public class ClusterFixture : IAsyncLifetime
{
    private readonly TimeSpan territoryFlush;
    private readonly TimeSpan repFlush;
    private InProcessTestCluster? cluster;

    public ClusterFixture()
        : this(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100))
    {
    }

    /// <summary>A cluster whose silos flush roll-ups to territories and reps at the intervals given.</summary>
    protected ClusterFixture(TimeSpan territoryFlush, TimeSpan repFlush)
    {
        this.territoryFlush = territoryFlush;
        this.repFlush = repFlush;
    }

    /// <summary>Longer than a loaded machine takes to land a batch in its territory's roll-up flushes (the default is 500 ms).</summary>
    public static readonly TimeSpan StatusSettleDelay = TimeSpan.FromSeconds(2);

    public IGrainFactory Grains => cluster!.Client;

    /// <summary>The services of each silo, in start order.</summary>
    public IReadOnlyList<IServiceProvider> SiloServices => [.. cluster!.Silos.Select(silo => silo.ServiceProvider)];

    /// <summary>The status changes every silo's territories announced in <paramref name="workspace"/>.</summary>
    public IReadOnlyList<TerritoryGrid.Contracts.Metrics.StatusChange> AnnouncedStatusChanges(string workspace) =>
        [.. SiloServices.SelectMany(silo => silo.GetRequiredService<AnnouncedChanges>().StatusChangesOf(workspace))];

    private WorkspaceCache? workspaces;

    private WorkspaceCache Workspaces => workspaces ??= new WorkspaceCache(Grains, TimeProvider.System);

    public CompanyLoader Loader => new(Grains, Workspaces, Options.Create(new MetricsOptions()), TimeProvider.System);

    private static readonly IngestTelemetry Telemetry = new(
        new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddMetrics().BuildServiceProvider()
            .GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());

    private TerritoryGrid.Application.Commercial.CommercialTermsCache? terms;

    private TerritoryGrid.Application.Commercial.CommercialTermsCache Terms =>
        terms ??= new(Grains, Options.Create(new TerritoryGrid.Application.Commercial.CommercialOptions()), TimeProvider.System);

    public ActivityIngestor Ingestor => new(new NoActivityLog(), Workspaces, Options.Create(new IngestOptions()), TimeProvider.System, Telemetry, Terms, new AccountReferences(Grains));

    public MetricsReader Reader => new(Grains, Terms);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddTerritoryGridMemoryStorage(StorageNames.Grains);
            silo.AddTerritoryGridGrains();
            silo.Services.AddSingleton<AnnouncedChanges>();
            silo.Services.AddSingleton<TerritoryGrid.Grains.Notifications.ITerritoryChangeSink>(services => services.GetRequiredService<AnnouncedChanges>());
            silo.Services.Configure<MetricsOptions>(o =>
            {
                o.RollupFlushInterval = territoryFlush;
                o.RepRollupFlushInterval = repFlush;
                o.StatusSettleDelay = StatusSettleDelay;
            });
        });
        builder.ConfigureSilo((_, silo) => ConfigureSilo(silo));
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    /// <summary>What a fixture adds to every silo's configuration.</summary>
    protected virtual void ConfigureSilo(Orleans.Hosting.ISiloBuilder silo)
    {
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = nameof(ClusterCollection);
}
