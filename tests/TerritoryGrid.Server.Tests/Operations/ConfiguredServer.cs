using Microsoft.AspNetCore.Hosting;
using TerritoryGrid.Testing;

namespace TerritoryGrid.Server.Tests.Operations;

/// <summary>A test server with settings of its own (a store, a threshold).</summary>
internal sealed class ConfiguredServer(KeyValuePair<string, string>[] settings) : TestServer
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
