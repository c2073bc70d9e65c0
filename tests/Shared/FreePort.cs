using System.Net;
using System.Net.Sockets;

namespace Viber.Tests.Shared;

/// <summary>Finds a free loopback port, for tests that must know an address before the server starts (WebhookUrl, redis-server).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
