namespace Viber.AspNetCore.Conversations;

/// <summary>
/// Conversation state that does not fit in <c>tracking_data</c>: one value (bytes, typically JSON) per
/// <see cref="ViberConversationKey"/>, and a per-conversation lock so two messages from one user never race
/// (read, modify, write under <see cref="AcquireLockAsync"/>). Most code uses the typed one-liners of
/// <see cref="ViberConversationStoreExtensions"/>: <c>await using var conversation = await store.LockAsync(userId, ct);</c>.
/// </summary>
/// <remarks>
/// The default keeps values in process memory (bounded in time and count; lost when the app stops); replace it with
/// <c>AddConversationStore&lt;TStore&gt;()</c>, for example with one in Redis shared by every instance. Implementations
/// must be thread-safe; values are opaque bytes, so a distributed store needs no knowledge of the app's types.
/// </remarks>
public interface IViberConversationStore
{
    /// <summary>
    /// Waits until no one else holds the conversation's lock and takes it; disposing the result releases it. The
    /// lock is not re-entrant: taking it twice for one key in one flow waits for itself until the lock timeout.
    /// </summary>
    /// <param name="key">The conversation.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The held lock; dispose it to release.</returns>
    /// <exception cref="TimeoutException">The lock was not free within the store's lock timeout.</exception>
    ValueTask<IAsyncDisposable> AcquireLockAsync(ViberConversationKey key, CancellationToken cancellationToken);

    /// <summary>Reads the conversation's value.</summary>
    /// <param name="key">The conversation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The value, or <see langword="null"/> when there is none (never set, removed or expired).</returns>
    ValueTask<byte[]?> GetAsync(ViberConversationKey key, CancellationToken cancellationToken);

    /// <summary>Stores the conversation's value, replacing any other; its expiry starts again.</summary>
    /// <param name="key">The conversation.</param>
    /// <param name="value">The value (copied).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the value is stored.</returns>
    ValueTask SetAsync(ViberConversationKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken);

    /// <summary>Forgets the conversation's value, for example when a flow ends.</summary>
    /// <param name="key">The conversation.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the value is gone.</returns>
    ValueTask RemoveAsync(ViberConversationKey key, CancellationToken cancellationToken);
}
