using Viber.AspNetCore.Diagnostics;

namespace Viber.AspNetCore.Deduplication;

/// <summary>
/// Completions the deduplication store refused (Redis down, say) of callbacks whose handlers succeeded. They were
/// answered 200 (a 5xx would make Viber retry and the handlers reply twice), so the key must still be recorded:
/// <see cref="ViberPendingCompletionWriter"/> writes them once the store answers again, and meanwhile this
/// instance treats their keys as completed. Bounded, so an outage that lasts cannot grow it without end.
/// </summary>
internal sealed class ViberPendingCompletions : IDisposable
{
    /// <summary>The most completions kept; beyond it a completion is dropped (and logged) rather than kept.</summary>
    public const int Capacity = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, ViberPendingCompletion> _pending = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;

    // The count as of the last change, written under the lock and read without it: every callback asks Contains, and
    // the buffer is empty unless the store has failed, so the common answer costs no lock.
    private volatile int _count;

    // Released when a completion is added to an empty buffer: the writer sleeps on it rather than on a timer, so an
    // app whose store never fails runs no timer at all.
    private readonly SemaphoreSlim _added = new(0, 1);

    public ViberPendingCompletions(TimeProvider timeProvider, ViberMetrics metrics)
    {
        _timeProvider = timeProvider;
        metrics.ObservePendingCompletions(() => Count);
    }

    /// <summary>Gets the number of completions waiting to be written.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Keeps a completion to write later.</summary>
    /// <param name="completion">The completion.</param>
    /// <returns><see langword="false"/> when the buffer is full and the completion was not kept.</returns>
    public bool TryAdd(ViberPendingCompletion completion)
    {
        lock (_lock)
        {
            PurgeExpired();
            if (_pending.Count >= Capacity && !_pending.ContainsKey(completion.Key))
            {
                return false;
            }

            _pending[completion.Key] = completion;
            _count = _pending.Count;
            if (_added.CurrentCount == 0)
            {
                _added.Release();
            }

            return true;
        }
    }

    /// <summary>Waits until at least one completion waits to be written.</summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the buffer is not empty.</returns>
    public async Task WaitForAnyAsync(CancellationToken cancellationToken)
    {
        while (Count == 0)
        {
            await _added.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tells whether a key's completion is waiting, so a retry of it counts as a duplicate.</summary>
    /// <param name="key">The deduplication key.</param>
    /// <returns>Whether the key's handlers succeeded and its completion is not written yet.</returns>
    public bool Contains(string key)
    {
        if (_count == 0)
        {
            return false;
        }

        lock (_lock)
        {
            return _pending.TryGetValue(key, out var completion) && completion.ExpiresAt > _timeProvider.GetUtcNow();
        }
    }

    /// <summary>Gets the waiting completions whose window has not ended, dropping the others.</summary>
    /// <returns>A copy, safe to walk while others add.</returns>
    public ViberPendingCompletion[] Snapshot()
    {
        lock (_lock)
        {
            PurgeExpired();
            return [.. _pending.Values];
        }
    }

    /// <summary>Forgets a completion once written, unless a newer one for the key replaced it meanwhile.</summary>
    /// <param name="completion">The written completion.</param>
    public void Remove(ViberPendingCompletion completion)
    {
        lock (_lock)
        {
            if (_pending.TryGetValue(completion.Key, out var current) && ReferenceEquals(current, completion))
            {
                _pending.Remove(completion.Key);
                _count = _pending.Count;
            }
        }
    }

    private void PurgeExpired()
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var (key, completion) in _pending)
        {
            if (completion.ExpiresAt <= now)
            {
                _pending.Remove(key);
            }
        }

        _count = _pending.Count;
    }

    /// <inheritdoc />
    public void Dispose() => _added.Dispose();
}
