namespace Viber.AspNetCore.Users;

/// <summary>A cached get_user_details answer as a store keeps it.</summary>
/// <param name="Json">The <c>user</c> object as UTF-8 JSON (Viber.Api's <c>UserDetails</c>).</param>
/// <param name="FetchedAt">When Viber answered.</param>
public sealed record ViberStoredUserDetails(ReadOnlyMemory<byte> Json, DateTimeOffset FetchedAt);
