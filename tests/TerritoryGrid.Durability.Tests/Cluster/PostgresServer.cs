using System.Diagnostics;
using TerritoryGrid.Application.Hosting;

namespace TerritoryGrid.Durability.Tests.Cluster;

/// <summary>
/// A private PostgreSQL server from the machine's installed binaries: a new data directory in a temporary folder, on a
/// free loopback port, run as the "postgres" user when the tests run as root (PostgreSQL refuses to run as root).
/// Stopped and deleted on dispose.
/// </summary>
internal sealed class PostgresServer : IAsyncDisposable
{
    private readonly string root;
    private readonly string binaries;

    private PostgresServer(string root, string binaries, int port)
    {
        this.root = root;
        this.binaries = binaries;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    private string DataDirectory => Path.Combine(root, "data");

    public static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries();
        var root = Directory.CreateTempSubdirectory("territorygrid-pg-").FullName;
        var server = new PostgresServer(root, binaries, FreeLoopbackPort.Next());
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["-R", "postgres", root]);
        }

        await server.RunPostgresToolAsync("initdb", "-D", server.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions");
        await server.RunPostgresToolAsync("pg_ctl", "-D", server.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "start",
            "-o", $"-p {server.Port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200");
        return server;
    }

    public string Log => File.Exists(Path.Combine(root, "server.log")) ? File.ReadAllText(Path.Combine(root, "server.log")) : "";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private Task RunPostgresToolAsync(string tool, params string[] arguments)
    {
        var executable = Path.Combine(binaries, tool);
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", executable, .. arguments])
            : RunAsync(executable, arguments);
    }

    private static string FindBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderDescending().FirstOrDefault()
            : null;
        return installed ?? throw new InvalidOperationException(
            "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (scripts/install-test-dependencies.sh installs them).");
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
