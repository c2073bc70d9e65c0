using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.AspNetCore.Conversations;

namespace Viber.AspNetCore.Users;

/// <summary>
/// The <see cref="IViberUserDetailsCache"/> policy over any <see cref="IViberUserDetailsStore"/>: fresh answers from
/// the store; otherwise one call at a time per user, counted before it is made; when the count is spent (or Viber
/// says so with status 12), the kept answer however old, else <see cref="ViberUserDetailsQuotaExceededException"/>.
/// The client is resolved in a scope per call, as the typed HttpClient's lifetime requires.
/// </summary>
internal sealed partial class ViberUserDetailsCache : IViberUserDetailsCache
{
    private readonly IViberUserDetailsStore _store;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _timeProvider;
    private readonly ViberUserDetailsOptions _options;
    private readonly ILogger<ViberUserDetailsCache> _logger;
    private readonly KeyedAsyncLock<string> _calls = new(StringComparer.Ordinal);

    public ViberUserDetailsCache(
        IViberUserDetailsStore store,
        IServiceScopeFactory scopes,
        TimeProvider timeProvider,
        IOptions<ViberUserDetailsOptions> options,
        ILogger<ViberUserDetailsCache> logger)
    {
        _store = store;
        _scopes = scopes;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    public async ValueTask<UserDetails> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        if (await GetFreshAsync(userId, cancellationToken).ConfigureAwait(false) is { } fresh)
        {
            return fresh;
        }

        await using var turn = (await _calls.AcquireAsync(userId, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

        // Another caller may have fetched it while this one waited for its turn.
        return await GetFreshAsync(userId, cancellationToken).ConfigureAwait(false)
            ?? await FetchAsync(userId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<UserDetails> RefreshAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        await using var turn = (await _calls.AcquireAsync(userId, cancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
        return await FetchAsync(userId, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<UserDetails?> GetCachedAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        return Read(await _store.GetAsync(userId, cancellationToken).ConfigureAwait(false));
    }

    private static UserDetails? Read(ViberStoredUserDetails? stored)
        => stored is null ? null : JsonSerializer.Deserialize(stored.Json.Span, ViberJson.Context.UserDetails);

    private async ValueTask<UserDetails?> GetFreshAsync(string userId, CancellationToken cancellationToken)
    {
        var stored = await _store.GetAsync(userId, cancellationToken).ConfigureAwait(false);
        return stored is not null && _timeProvider.GetUtcNow() - stored.FetchedAt < _options.RefreshAfter ? Read(stored) : null;
    }

    private async ValueTask<UserDetails> FetchAsync(string userId, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();

        // Counted before the call: a call that fails on the way may still have reached Viber and been counted there.
        var permit = await _store.TryRecordCallAsync(userId, now, ViberUserDetailsOptions.CallsPerWindow, ViberUserDetailsOptions.QuotaWindow, cancellationToken).ConfigureAwait(false);
        if (!permit.Granted)
        {
            var kept = await GetCachedAsync(userId, cancellationToken).ConfigureAwait(false);
            LogQuotaSpent(_logger, permit.NextCallAt, kept is not null);
            return kept ?? throw new ViberUserDetailsQuotaExceededException(permit.NextCallAt);
        }

        GetUserDetailsResponse response;
        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                response = await scope.ServiceProvider.GetRequiredService<IViberBotClient>().GetUserDetailsAsync(userId, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ViberApiException exception) when (exception.Status == ViberStatus.TooManyRequests)
        {
            // Viber counted calls this store did not see (another instance, another app with the same token).
            var kept = await GetCachedAsync(userId, cancellationToken).ConfigureAwait(false);
            LogQuotaSpent(_logger, null, kept is not null);
            return kept ?? throw new ViberUserDetailsQuotaExceededException(null, exception);
        }

        var details = response.User
            ?? throw new ViberApiException(ViberApiMethods.GetUserDetails, ViberStatus.Ok, "the answer has no user object");
        var json = JsonSerializer.SerializeToUtf8Bytes(details, ViberJson.Context.UserDetails);
        await _store.SetAsync(userId, new ViberStoredUserDetails(json, now), _options.KeepFor, cancellationToken).ConfigureAwait(false);
        return details;
    }

    [LoggerMessage(600, LogLevel.Debug, "get_user_details quota for a user is spent (2 calls per 12 hours; next call allowed at {NextCallAt:O}); answering from the cache: {FromCache}.", EventName = "UserDetailsQuotaSpent")]
    private static partial void LogQuotaSpent(ILogger logger, DateTimeOffset? nextCallAt, bool fromCache);
}
