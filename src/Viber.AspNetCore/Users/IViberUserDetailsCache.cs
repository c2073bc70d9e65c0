using Viber.Api.Requests;

namespace Viber.AspNetCore.Users;

/// <summary>
/// get_user_details through a cache that keeps Viber's rule: the call is allowed twice per user per 12 hours
/// (REST Bot API, get_user_details). Inject it in a handler: <c>var user = await details.GetAsync(userId, ct);</c>.
/// </summary>
/// <remarks>
/// An answer younger than <see cref="ViberUserDetailsOptions.RefreshAfter"/> comes from the cache. An older or
/// missing one is fetched when the user's quota allows; when it does not, the cached answer is returned however old,
/// and with none cached <see cref="ViberUserDetailsQuotaExceededException"/> says when the quota frees. Calls for one
/// user are made one at a time, so two handlers asking at once spend one call.
/// </remarks>
public interface IViberUserDetailsCache
{
    /// <summary>Gets a user's details from the cache, or from Viber when the cached answer is missing or old.</summary>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user's details.</returns>
    /// <exception cref="ViberUserDetailsQuotaExceededException">The user's quota is spent and nothing is cached.</exception>
    /// <exception cref="Viber.Api.ViberApiException">Viber refused the call.</exception>
    ValueTask<UserDetails> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Asks Viber again even if the cached answer is recent, when the quota allows; otherwise returns the cached answer.
    /// </summary>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user's details.</returns>
    /// <exception cref="ViberUserDetailsQuotaExceededException">The user's quota is spent and nothing is cached.</exception>
    /// <exception cref="Viber.Api.ViberApiException">Viber refused the call.</exception>
    ValueTask<UserDetails> RefreshAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Gets a user's cached details, however old, without calling Viber.</summary>
    /// <param name="userId">The user's Viber id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The cached details, or <see langword="null"/>.</returns>
    ValueTask<UserDetails?> GetCachedAsync(string userId, CancellationToken cancellationToken = default);
}
