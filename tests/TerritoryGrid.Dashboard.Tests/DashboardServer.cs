using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TerritoryGrid.Dashboard.Tests;

/// <summary>The real server on Kestrel at 127.0.0.1 (a browser needs a real socket), in-memory storage, no demo company.</summary>
public sealed class DashboardServer : WebApplicationFactory<Program>
{
    public DashboardServer()
    {
        UseKestrel(0);
        StartServer();
        Http = new HttpClient { BaseAddress = ClientOptions.BaseAddress };
    }

    public Uri Address => ClientOptions.BaseAddress;

    public HttpClient Http { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Orleans:SiloPort", FreePort().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort().ToString());
        builder.UseSetting("DemoCompany:Enabled", "false");
        builder.UseSetting("Storage:Provider", "Memory");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = nameof(DashboardCollection);
}
