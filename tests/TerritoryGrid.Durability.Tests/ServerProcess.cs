using System.Diagnostics;
using TerritoryGrid.Application.Hosting;

namespace TerritoryGrid.Durability.Tests;

/// <summary>
/// The real server as a separate OS process (so a crash is a real SIGKILL, not an in-process simulation), on free
/// loopback ports, with its output kept for the failure message.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output.TakeLast(40));
            }
        }
    }

    /// <summary>Waits until a line of the server's output contains <paramref name="text"/>; false if none had when <paramref name="cancellation"/> fired.</summary>
    public async Task<bool> WaitForLogAsync(string text, CancellationToken cancellation)
    {
        while (true)
        {
            lock (output)
            {
                if (output.Any(line => line.Contains(text, StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            if (cancellation.IsCancellationRequested)
            {
                return false;
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? httpPort = null)
    {
        var port = httpPort ?? FreeLoopbackPort.Next();
        var serverDll = Path.Combine(AppContext.BaseDirectory, "TerritoryGrid.Server.dll");
        var start = new ProcessStartInfo("dotnet", [serverDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DemoCompany__Enabled"] = "false";
        foreach (var (key, value) in TestKeys.Settings("__"))
        {
            start.Environment[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var server = new ServerProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        server.process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        server.process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilServingAsync();
        }
        catch
        {
            // A server that never answered is nobody's to stop: left running, it slowed every later test of the run.
            if (!server.process.HasExited)
            {
                await server.KillAsync();
            }

            server.process.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks, no final checkpoint, no flush.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops a server: it checkpoints and leaves the cluster. SIGKILL after 30 s.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = TestKeys.Client(Address, timeout: TimeSpan.FromSeconds(2));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                bool portTaken;
                lock (output)
                {
                    portTaken = output.Any(line => line.Contains("already in use", StringComparison.OrdinalIgnoreCase));
                }

                throw new InvalidOperationException(
                    $"The server exited with code {process.ExitCode}{(portTaken ? " (a port was already in use)" : "")}:\n{Output}");
            }

            try
            {
                if ((await client.GetAsync("/api/workspaces")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not start within 60 s:\n{Output}");
    }
}
