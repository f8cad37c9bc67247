using TerritoryGrid.Application.Hosting;
namespace TerritoryGrid.Durability.Tests.Cluster;

/// <summary>Silo processes of one cluster on PostgreSQL, each serving the API and the dashboard hub.</summary>
internal sealed class Cluster(PostgresServer postgres, RedisServer redis, string clusterId) : IAsyncDisposable
{
    private readonly List<ServerProcess> silos = [];

    public IReadOnlyList<ServerProcess> Silos => silos;

    public Dictionary<string, string> Settings() => SiloSettings(postgres.ConnectionString, redis.ConnectionString, clusterId);

    /// <summary>A silo's settings, by the same names docker-compose.yml uses (a test checks it).</summary>
    public static Dictionary<string, string> SiloSettings(string postgres, string redis, string clusterId) => new(TestKeys.Settings("__"))
    {
        ["Storage__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = postgres,
        ["ConnectionStrings__Redis"] = redis,
        ["Orleans__ClusterId"] = clusterId,
        ["Orleans__AdvertisedAddress"] = "127.0.0.1",
        ["Orleans__SiloPort"] = FreeLoopbackPort.Next().ToString(),
        ["Orleans__GatewayPort"] = FreeLoopbackPort.Next().ToString(),
    };

    /// <summary>Starts <paramref name="count"/> silos at once (they race to create the schema, which must be safe).</summary>
    public async Task StartAsync(int count, IReadOnlyDictionary<string, string>? extra = null)
    {
        var starting = Enumerable.Range(0, count).Select(_ => StartOneAsync(extra)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        finally
        {
            // Those that did start are stopped with the cluster, even when another failed to.
            silos.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }
    }

    /// <summary>
    /// Free ports are found by binding port 0 and letting it go, so two processes starting at once can be handed the
    /// same one: a silo that could not bind is started again on fresh ports (a test-harness race, not the system's).
    /// </summary>
    private async Task<ServerProcess> StartOneAsync(IReadOnlyDictionary<string, string>? extra)
    {
        for (var attempt = 1; ; attempt++)
        {
            var settings = Settings();
            foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            {
                settings[key] = value;
            }

            try
            {
                return await ServerProcess.StartAsync(settings);
            }
            catch (InvalidOperationException error) when (attempt < 3 && error.Message.Contains("already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took one of the ports between finding it and binding it: try fresh ones.
            }
        }
    }

    /// <summary>Stops every silo gracefully, as an operator restarting the whole cluster would.</summary>
    public async Task StopAllAsync()
    {
        await Task.WhenAll(silos.Select(s => s.StopAsync()));
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        silos.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
    }
}
