namespace Viber.AspNetCore.Conversations;

/// <summary>
/// One async lock per key, made when first needed and dropped when no one holds or waits for it, so the table
/// holds only keys in use. Waiters are served first come, first served (SemaphoreSlim's queue).
/// </summary>
/// <typeparam name="TKey">The key.</typeparam>
internal sealed class KeyedAsyncLock<TKey>
    where TKey : notnull
{
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, Gate> _gates;

    public KeyedAsyncLock(IEqualityComparer<TKey>? comparer = null) => _gates = new Dictionary<TKey, Gate>(comparer);

    /// <summary>Gets the number of keys held or waited for.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _gates.Count;
            }
        }
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(TKey key, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_lock)
        {
            if (!_gates.TryGetValue(key, out gate!))
            {
                gate = new Gate();
                _gates.Add(key, gate);
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Gave up waiting: no longer a user of the gate, which may now be dropped.
            Leave(key, gate);
            throw;
        }

        return new Holder(this, key, gate);
    }

    private void Leave(TKey key, Gate gate)
    {
        lock (_lock)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(key);
                gate.Semaphore.Dispose();
            }
        }
    }

    private sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        /// <summary>Holders and waiters; guarded by the table's lock.</summary>
        public int Users { get; set; }
    }

    private sealed class Holder(KeyedAsyncLock<TKey> owner, TKey key, Gate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Semaphore.Release();
                owner.Leave(key, gate);
            }

            return ValueTask.CompletedTask;
        }
    }
}
