using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TerritoryGrid.Application.Hosting;

namespace TerritoryGrid.Testing;

/// <summary>
/// The real server (co-hosted silo, API, hub, dashboard) in this process: its own Orleans ports, in-memory storage, no
/// demo company. <paramref name="kestrel"/> puts it on a real socket at 127.0.0.1 (browsers and SignalR need one).
/// </summary>
public class TestServer : ServerFactory
{
    public TestServer(bool kestrel = false)
    {
        if (kestrel)
        {
            UseKestrel(0);
            StartServer();
        }
    }

    public Uri Address => ClientOptions.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Orleans:SiloPort", FreeLoopbackPort.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreeLoopbackPort.Next().ToString());
        builder.UseSetting("DemoCompany:Enabled", "false");
        builder.UseSetting("Storage:Provider", "Memory");
        // Tests apply their plans by hand, at moments they choose: the scheduler is kept out of their way.
        builder.UseSetting("Planning:ApplyLead", "-36500.00:00:00");
        foreach (var (key, value) in TestKeys.Settings())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Clients from <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> send the admin key.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestKeys.Admin);
    }
}
