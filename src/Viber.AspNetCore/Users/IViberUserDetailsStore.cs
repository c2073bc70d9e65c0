namespace Viber.AspNetCore.Users;

/// <summary>
/// Where <see cref="IViberUserDetailsCache"/> keeps answers and counts get_user_details calls per user. The default
/// is in process memory; register another with <c>AddUserDetailsStore&lt;TStore&gt;()</c> (for example Redis, so
/// every instance shares one count). Implementations must be thread-safe and make
/// <see cref="TryRecordCallAsync"/> atomic: check and count in one step.
/// </summary>
public interface IViberUserDetailsStore
{
    /// <summary>Reads a user's cached answer.</summary>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The answer, or <see langword="null"/> when none is kept.</returns>
    ValueTask<ViberStoredUserDetails?> GetAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Keeps a user's answer, replacing any other.</summary>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="details">The answer and when it was fetched.</param>
    /// <param name="timeToLive">How long to keep it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the answer is kept.</returns>
    ValueTask SetAsync(string userId, ViberStoredUserDetails details, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a get_user_details call for a user if fewer than <paramref name="limit"/> were counted in the
    /// <paramref name="window"/> before <paramref name="now"/>.
    /// </summary>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="now">The time of the call.</param>
    /// <param name="limit">The calls allowed per window (Viber's 2).</param>
    /// <param name="window">The window (Viber's 12 hours).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the call was counted and may be made, and otherwise when the next one is allowed.</returns>
    ValueTask<ViberUserDetailsCallPermit> TryRecordCallAsync(string userId, DateTimeOffset now, int limit, TimeSpan window, CancellationToken cancellationToken);
}
