using System.Collections.Concurrent;

namespace ShowcaseBot.Subscribers;

/// <summary>
/// Subscribers in process memory: lost on restart and not shared between instances. A real bot keeps them in its
/// database; Viber has no API that lists them.
/// </summary>
public sealed class InMemorySubscriberStore : ISubscriberStore
{
    private readonly ConcurrentDictionary<string, byte> _users = new(StringComparer.Ordinal);

    public int Count => _users.Count;

    public void Add(string userId) => _users.TryAdd(userId, 0);

    public void Remove(string userId) => _users.TryRemove(userId, out _);

    public IReadOnlyList<string> GetAll() => [.. _users.Keys];
}
