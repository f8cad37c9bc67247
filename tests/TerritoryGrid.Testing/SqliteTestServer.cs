using Microsoft.AspNetCore.Hosting;

namespace TerritoryGrid.Testing;

/// <summary>
/// The real server in this process on the embedded store (SQLite, with its durable activity log), in a data directory
/// of its own that is deleted with it.
/// </summary>
public sealed class SqliteTestServer : TestServer
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("territorygrid-test-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:Provider", "Sqlite");
        builder.UseSetting("Storage:DataDirectory", dataDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
