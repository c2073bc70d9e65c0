using System.Collections.Concurrent;

namespace Viber.Proxy.Tests.Support;

/// <summary>Every request that reached the bot app, in order; a singleton in the test app.</summary>
public sealed class ArrivedRequests
{
    private readonly ConcurrentQueue<ArrivedRequest> _requests = new();

    /// <summary>Gets the requests so far.</summary>
    public IReadOnlyList<ArrivedRequest> All => [.. _requests];

    public void Add(ArrivedRequest request) => _requests.Enqueue(request);
}
