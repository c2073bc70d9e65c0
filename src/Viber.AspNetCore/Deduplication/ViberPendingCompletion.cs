namespace Viber.AspNetCore.Deduplication;

/// <summary>A handled callback whose completion the deduplication store could not record yet.</summary>
/// <param name="Key">The callback's deduplication key.</param>
/// <param name="ClaimToken">The token it was claimed with.</param>
/// <param name="ExpiresAt">When its deduplication window ends (after which recording it no longer matters).</param>
/// <param name="Event">The callback's event, for the logs.</param>
/// <param name="MessageToken">The callback's message token, for the logs.</param>
internal sealed record ViberPendingCompletion(string Key, string ClaimToken, DateTimeOffset ExpiresAt, string Event, long? MessageToken);
