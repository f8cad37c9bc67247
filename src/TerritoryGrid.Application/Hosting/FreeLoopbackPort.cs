using System.Net;
using System.Net.Sockets;

namespace TerritoryGrid.Application.Hosting;

/// <summary>
/// A TCP port nobody listens on at 127.0.0.1 right now, for a silo started in this process (batch simulations, tests,
/// benchmarks) so it never collides with another on Orleans' default ports. Chosen below the kernel's ephemeral range
/// (32768 and up on Linux, 49152 and up on Windows): a port from that range, which binding to port 0 gives, can be
/// taken by any process's outgoing connection between this check and the silo binding it; one below it cannot.
/// </summary>
public static class FreeLoopbackPort
{
    private const int Lowest = 20_000;
    private const int BeyondHighest = 32_000;

    public static int Next()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Random.Shared.Next(Lowest, BeyondHighest);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException($"no free TCP port between {Lowest} and {BeyondHighest - 1} at 127.0.0.1 after 1,000 tries");
    }
}
