using System.Globalization;
using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Conversations;

/// <summary>
/// The default <see cref="IViberConversationStore"/>: values in process memory, each forgotten
/// <see cref="ViberConversationOptions.Expiry"/> after it was last written (by the app's <see cref="TimeProvider"/>)
/// and, past <see cref="ViberConversationOptions.Capacity"/>, the one written longest ago first. Everything is lost
/// when the app stops and nothing is shared between instances: use a distributed store for that.
/// </summary>
internal sealed class InMemoryViberConversationStore : IViberConversationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<ViberConversationKey, LinkedListNode<Entry>> _entries = [];

    // Ordered by expiry, soonest first: every write gets the same expiry, so appending keeps the order.
    private readonly LinkedList<Entry> _byExpiry = new();
    private readonly KeyedAsyncLock<ViberConversationKey> _locks = new();
    private readonly TimeProvider _timeProvider;
    private readonly ViberConversationOptions _options;

    public InMemoryViberConversationStore(IOptions<ViberConversationOptions> options, TimeProvider timeProvider)
    {
        _options = options.Value;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the number of values held, expired ones included until the next call purges them.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Gets the number of conversations whose lock is held or waited for.</summary>
    public int LockCount => _locks.Count;

    public async ValueTask<IAsyncDisposable> AcquireLockAsync(ViberConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_options.LockTimeout == Timeout.InfiniteTimeSpan)
        {
            return await _locks.AcquireAsync(key, cancellationToken).ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(_options.LockTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _locks.AcquireAsync(key, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"Waited {_options.LockTimeout} (Viber:Conversations:LockTimeout) for a user's conversation lock that another handler still holds. A handler that locks the same user twice waits for itself: release the first lock before taking it again."),
                exception);
        }
    }

    public ValueTask<byte[]?> GetAsync(ViberConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            Purge(_timeProvider.GetUtcNow());

            // A copy, so a caller changing the array cannot change what is stored.
            return ValueTask.FromResult(_entries.TryGetValue(key, out var node) ? (byte[]?)node.Value.Value.Clone() : null);
        }
    }

    public ValueTask SetAsync(ViberConversationKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var copy = value.ToArray();
        lock (_lock)
        {
            var now = _timeProvider.GetUtcNow();
            Remove(key);
            Purge(now);
            while (_entries.Count >= _options.Capacity && _byExpiry.First is { } oldest)
            {
                Remove(oldest.Value.Key);
            }

            _entries[key] = _byExpiry.AddLast(new Entry(key, copy, now + _options.Expiry));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask RemoveAsync(ViberConversationKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    private void Remove(ViberConversationKey key)
    {
        if (_entries.Remove(key, out var node))
        {
            _byExpiry.Remove(node);
        }
    }

    private void Purge(DateTimeOffset now)
    {
        while (_byExpiry.First is { } first && first.Value.ExpiresAt <= now)
        {
            Remove(first.Value.Key);
        }
    }

    private sealed record Entry(ViberConversationKey Key, byte[] Value, DateTimeOffset ExpiresAt);
}
