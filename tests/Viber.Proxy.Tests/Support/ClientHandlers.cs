using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Viber.Proxy.Tests.Support;

/// <summary>HTTP handlers that play Viber's side: trust the test certificate, and optionally call from another address.</summary>
public static class ClientHandlers
{
    /// <summary>
    /// A loopback address other than the proxy's own (127.0.0.1): a client calling from it is told apart from the proxy
    /// in what the bot sees. Linux routes all of 127.0.0.0/8 to the loopback interface.
    /// </summary>
    public static readonly IPAddress ViberAddress = IPAddress.Parse("127.0.0.2");

    /// <summary>A handler that trusts only <paramref name="root"/> and, when given, connects from <paramref name="sourceAddress"/>.</summary>
    public static SocketsHttpHandler Create(X509Certificate2 root, IPAddress? sourceAddress = null)
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        policy.CustomTrustStore.Add(root);
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) };
        handler.SslOptions.CertificateChainPolicy = policy;
        if (sourceAddress is not null)
        {
            handler.ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(sourceAddress, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        return handler;
    }
}
