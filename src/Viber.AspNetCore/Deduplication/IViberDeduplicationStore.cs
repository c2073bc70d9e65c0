namespace Viber.AspNetCore.Deduplication;

/// <summary>
/// Remembers which callbacks were handled so Viber's retries of them are not dispatched again. The default keeps
/// keys in memory (bounded in size and time); share a store across instances when the bot is scaled out
/// (register yours with <c>AddDeduplicationStore&lt;TStore&gt;()</c>). Implementations must be thread-safe and
/// make <see cref="TryClaimAsync"/> atomic.
/// </summary>
public interface IViberDeduplicationStore
{
    /// <summary>Claims a key before the callback's handlers run.</summary>
    /// <param name="key">The callback's key (event, message token and, where needed, user and body hash).</param>
    /// <param name="window">How long the key is remembered.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether to run the handlers, skip the callback, or ask for a later retry.</returns>
    ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Marks a claimed key as handled: later deliveries within the window are duplicates.</summary>
    /// <param name="key">The key.</param>
    /// <param name="window">How long the key is remembered, counted from now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is stored.</returns>
    ValueTask CompleteAsync(string key, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>Forgets a claimed key because its handlers failed, so Viber's retry runs them again.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the key is removed.</returns>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}
