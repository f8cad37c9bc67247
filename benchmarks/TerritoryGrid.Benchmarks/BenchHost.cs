using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TerritoryGrid.Application.Hosting;

namespace TerritoryGrid.Benchmarks;

/// <summary>
/// The real TerritoryGrid server (co-hosted silo + HTTP API) on Kestrel at 127.0.0.1, in this process, so the
/// references run beside it at the same time. The benchmark's reference grains join the same silo.
/// </summary>
internal sealed class BenchHost : TerritoryGrid.Testing.ServerFactory
{
    private readonly Dictionary<string, string> settings;

    public BenchHost(string storage, string? dataDirectory = null, string? postgres = null, string? clusterId = null)
    {
        settings = new()
        {
            ["Storage:Provider"] = storage,
            ["DemoCompany:Enabled"] = "false",
            ["Orleans:SiloPort"] = FreeLoopbackPort.Next().ToString(),
            ["Orleans:GatewayPort"] = FreeLoopbackPort.Next().ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Error",
            // Scenario 7 applies its plan at the moment it measures: the scheduler is kept out of its way.
            ["Planning:ApplyLead"] = "-36500.00:00:00",
            // One key posts everything and the page reads with it too: at 1,000 events a batch, the default 200
            // requests/s per key would cap a run at 200,000 events/s (an operator raises it the same way).
            ["Limits:RequestsPerSecond"] = "10000",
        };
        if (dataDirectory is not null)
        {
            settings["Storage:DataDirectory"] = dataDirectory;
        }

        // The benchmark signs in like any client: an admin key configured by its hash.
        settings["Security:ApiKeys:0:Name"] = "benchmark";
        settings["Security:ApiKeys:0:Role"] = "admin";
        settings["Security:ApiKeys:0:Hash"] = TerritoryGrid.Server.Security.ApiKeyHasher.Hash(Key);
        // A second user, so a plan written by one can be approved by the other.
        settings["Security:ApiKeys:1:Name"] = "benchmark planner";
        settings["Security:ApiKeys:1:Role"] = "planner";
        settings["Security:ApiKeys:1:Hash"] = TerritoryGrid.Server.Security.ApiKeyHasher.Hash(PlannerKey);

        if (postgres is not null)
        {
            settings["ConnectionStrings:Postgres"] = postgres;
            settings["Orleans:AdvertisedAddress"] = "127.0.0.1";
            // A cluster of its own (rows of earlier runs in the same database are other clusters' business), or the
            // one another host of this run started, to join it.
            settings["Orleans:ClusterId"] = clusterId ?? NewClusterId();
        }

        // Outside a test project the factory cannot locate the server's project folder; its build output will do.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TERRITORYGRID_SERVER", AppContext.BaseDirectory);
        UseKestrel(0);
        StartServer();
        Http = new HttpClient { BaseAddress = ClientOptions.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Key);
    }

    /// <summary>A cluster id no earlier run used, for hosts that are to form one cluster.</summary>
    public static string NewClusterId() => "bench-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>A fresh admin key per run (the benchmark host's own).</summary>
    public static readonly string Key = TerritoryGrid.Server.Security.ApiKeyHasher.NewKey();

    /// <summary>A planner's key, for plans the admin approves.</summary>
    public static readonly string PlannerKey = TerritoryGrid.Server.Security.ApiKeyHasher.NewKey();

    public HttpClient Http { get; }

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // A published server has the dashboard's files in its own wwwroot; here they are the server project's, found
        // through the build's static web assets manifest (which only Development reads by default).
        builder.UseStaticWebAssets();
        // A silo with 100,000 active accounts on the durable store writes them all on the way out.
        builder.ConfigureServices(services => services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(5)));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
