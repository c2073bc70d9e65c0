using System.Net;
using System.Net.Sockets;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>Finds a free loopback port, for tests that must know the app's URL before it starts (WebhookUrl).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
