using System.Collections.Concurrent;
using Viber.AspNetCore.Deduplication;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>
/// A deduplication store that claims and releases, but whose completions fail while <see cref="Down"/> is set, as a
/// shared store (Redis) does when it goes down while a handler runs. Signals each completion it records.
/// </summary>
public sealed class CompletionFailingStore : IViberDeduplicationStore
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    private volatile bool _down = true;

    /// <summary>Gets or sets whether completions fail; true at first.</summary>
    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    /// <summary>Gets a signal released once per recorded completion.</summary>
    public SemaphoreSlim Completed { get; } = new(0);

    /// <summary>Gets the key's value: a claim token, <c>done</c>, or null.</summary>
    public string? ValueOf(string key) => _values.TryGetValue(key, out var value) ? value : null;

    public IEnumerable<string> Keys => _values.Keys;

    public ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
    {
        if (_values.TryAdd(key, claimToken))
        {
            return ValueTask.FromResult(ViberDeduplicationClaim.Claimed);
        }

        return ValueTask.FromResult(_values[key] == "done" ? ViberDeduplicationClaim.Completed : ViberDeduplicationClaim.InProgress);
    }

    public ValueTask<bool> CompleteAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken)
    {
        if (_down)
        {
            throw new IOException("The deduplication backend is unreachable.");
        }

        _values[key] = "done";
        Completed.Release();
        return ValueTask.FromResult(true);
    }

    public ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken)
        => ValueTask.FromResult(_values.TryRemove(new KeyValuePair<string, string>(key, claimToken)));
}
