using System.Text.Json.Serialization.Metadata;

namespace Viber.AspNetCore.Conversations;

/// <summary>Typed one-liners over <see cref="IViberConversationStore"/>.</summary>
public static class ViberConversationStoreExtensions
{
    /// <summary>
    /// Takes the user's conversation lock (waiting while another handler holds it) and returns the conversation to
    /// read and write under it: <c>await using var conversation = await store.LockAsync(userId, cancellationToken);</c>.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="cancellationToken">Stops waiting for the lock.</param>
    /// <returns>The locked conversation; dispose it to release the lock.</returns>
    /// <exception cref="TimeoutException">The lock was not free within the store's lock timeout.</exception>
    public static ValueTask<ViberConversation> LockAsync(this IViberConversationStore store, string userId, CancellationToken cancellationToken = default)
        => store.LockAsync(new ViberConversationKey(userId), cancellationToken);

    /// <summary>Takes a conversation's lock and returns the conversation to read and write under it.</summary>
    /// <param name="store">The store.</param>
    /// <param name="key">The conversation.</param>
    /// <param name="cancellationToken">Stops waiting for the lock.</param>
    /// <returns>The locked conversation; dispose it to release the lock.</returns>
    /// <exception cref="TimeoutException">The lock was not free within the store's lock timeout.</exception>
    public static async ValueTask<ViberConversation> LockAsync(this IViberConversationStore store, ViberConversationKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(key);
        var heldLock = await store.AcquireLockAsync(key, cancellationToken).ConfigureAwait(false);
        return new ViberConversation(store, key, heldLock);
    }

    /// <summary>Reads a user's state without taking the lock (a read-modify-write should use <see cref="LockAsync(IViberConversationStore, string, CancellationToken)"/>).</summary>
    /// <typeparam name="T">The state's type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state, or <see langword="default"/> when there is none.</returns>
    /// <exception cref="InvalidOperationException">The stored state is not JSON of this type.</exception>
    public static async ValueTask<T?> GetAsync<T>(this IViberConversationStore store, string userId, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return ViberConversationStateSerializer.Deserialize(await store.GetAsync(new ViberConversationKey(userId), cancellationToken).ConfigureAwait(false), typeInfo);
    }

    /// <summary>Stores a user's state without taking the lock.</summary>
    /// <typeparam name="T">The state's type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="value">The state.</param>
    /// <param name="typeInfo">The type's metadata from the app's source-generated context.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is stored.</returns>
    public static ValueTask SetAsync<T>(this IViberConversationStore store, string userId, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.SetAsync(new ViberConversationKey(userId), ViberConversationStateSerializer.Serialize(value, typeInfo), cancellationToken);
    }

    /// <summary>Forgets a user's state without taking the lock.</summary>
    /// <param name="store">The store.</param>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the state is gone.</returns>
    public static ValueTask RemoveAsync(this IViberConversationStore store, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.RemoveAsync(new ViberConversationKey(userId), cancellationToken);
    }
}
