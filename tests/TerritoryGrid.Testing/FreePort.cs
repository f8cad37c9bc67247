using System.Net;
using System.Net.Sockets;

namespace TerritoryGrid.Testing;

/// <summary>A TCP port nobody listens on right now, so parallel hosts never collide on Orleans' default ports.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
