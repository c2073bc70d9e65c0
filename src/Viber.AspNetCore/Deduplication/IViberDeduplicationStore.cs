namespace Viber.AspNetCore.Deduplication;

/// <summary>
/// Remembers which callbacks were handled so Viber's retries of them are not dispatched again. The default keeps
/// keys in memory (bounded in size and time); share a store across instances when the bot is scaled out
/// (register yours with <c>AddDeduplicationStore&lt;TStore&gt;()</c>). Implementations must be thread-safe and
/// make <see cref="TryClaimAsync"/> atomic.
/// </summary>
/// <remarks>
/// Every claim carries a token unique to that claim (<see cref="ViberDeduplicationClaimToken.New"/>). Only the
/// claim's owner completes or releases it: a claim can expire while a slow handler still runs and be taken by
/// another delivery, and the slow handler's late release must not free (nor its completion overwrite) that newer
/// claim. Implementations compare the token and change the key only when it matches, atomically.
/// </remarks>
public interface IViberDeduplicationStore
{
    /// <summary>Claims a key before the callback's handlers run.</summary>
    /// <param name="key">The callback's key (event, message token and, where needed, user and body hash).</param>
    /// <param name="claimToken">The token unique to this claim; the same token completes or releases it.</param>
    /// <param name="window">How long the key is remembered.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether to run the handlers, skip the callback, or ask for a later retry.</returns>
    ValueTask<ViberDeduplicationClaim> TryClaimAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a key claimed with <paramref name="claimToken"/> as handled: later deliveries within the window are
    /// duplicates. A key nobody holds any more (its claim expired) is marked too; a key another claim holds now is
    /// left alone.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="claimToken">The token the key was claimed with.</param>
    /// <param name="window">How long the key is remembered, counted from now.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// <see langword="true"/> when the key is now marked handled (by this call or before); <see langword="false"/>
    /// when another claim holds it.
    /// </returns>
    ValueTask<bool> CompleteAsync(string key, string claimToken, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets a key claimed with <paramref name="claimToken"/> because its handlers failed, so Viber's retry runs
    /// them again. A completed key, or one another claim holds now, is left alone.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="claimToken">The token the key was claimed with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see langword="true"/> when this claim was removed; <see langword="false"/> when it was no longer held.</returns>
    ValueTask<bool> ReleaseAsync(string key, string claimToken, CancellationToken cancellationToken);
}
