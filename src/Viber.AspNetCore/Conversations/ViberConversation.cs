using System.Text.Json.Serialization.Metadata;

namespace Viber.AspNetCore.Conversations;

/// <summary>
/// One conversation while its lock is held: read, modify and write its state, then dispose to release the lock.
/// Get one with <c>await using var conversation = await store.LockAsync(userId, cancellationToken);</c>.
/// </summary>
public sealed class ViberConversation : IAsyncDisposable
{
    private readonly IViberConversationStore _store;
    private IAsyncDisposable? _lock;

    internal ViberConversation(IViberConversationStore store, ViberConversationKey key, IAsyncDisposable heldLock)
    {
        _store = store;
        Key = key;
        _lock = heldLock;
    }

    /// <summary>Gets the conversation's key.</summary>
    public ViberConversationKey Key { get; }

    /// <summary>Reads the state.</summary>
    /// <typeparam name="T">The state's type.</typeparam>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state, or <see langword="default"/> when there is none.</returns>
    /// <exception cref="InvalidOperationException">The stored state is not JSON of this type.</exception>
    /// <exception cref="ObjectDisposedException">The lock was released.</exception>
    public async ValueTask<T?> GetAsync<T>(JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ThrowIfReleased();
        return ViberConversationStateSerializer.Deserialize(await _store.GetAsync(Key, cancellationToken).ConfigureAwait(false), typeInfo);
    }

    /// <summary>Stores the state as JSON.</summary>
    /// <typeparam name="T">The state's type.</typeparam>
    /// <param name="value">The state.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    /// <exception cref="ObjectDisposedException">The lock was released.</exception>
    public ValueTask SetAsync<T>(T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ThrowIfReleased();
        return _store.SetAsync(Key, ViberConversationStateSerializer.Serialize(value, typeInfo), cancellationToken);
    }

    /// <summary>Forgets the state.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is gone.</returns>
    /// <exception cref="ObjectDisposedException">The lock was released.</exception>
    public ValueTask RemoveAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfReleased();
        return _store.RemoveAsync(Key, cancellationToken);
    }

    /// <summary>Releases the conversation's lock. Safe to call more than once.</summary>
    /// <returns>A task that completes when the lock is released.</returns>
    public ValueTask DisposeAsync() => Interlocked.Exchange(ref _lock, null)?.DisposeAsync() ?? ValueTask.CompletedTask;

    // Reading or writing after the lock is released would race the next holder: a bug to report, not to allow.
    private void ThrowIfReleased() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _lock) is null, this);
}
