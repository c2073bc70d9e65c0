using Viber.AspNetCore.Users;

namespace Viber.AspNetCore.Tests.Conversations;

/// <summary>A store that only shows it was registered in place of the default.</summary>
internal sealed class ReplacementUserDetailsStore : IViberUserDetailsStore
{
    public ValueTask<ViberStoredUserDetails?> GetAsync(string userId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask SetAsync(string userId, ViberStoredUserDetails details, TimeSpan timeToLive, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<ViberUserDetailsCallPermit> TryRecordCallAsync(string userId, DateTimeOffset now, int limit, TimeSpan window, CancellationToken cancellationToken) => throw new NotSupportedException();
}
