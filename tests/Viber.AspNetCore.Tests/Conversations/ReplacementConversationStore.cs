using Viber.AspNetCore.Conversations;

namespace Viber.AspNetCore.Tests.Conversations;

/// <summary>A store that only shows it was registered in place of the default.</summary>
internal sealed class ReplacementConversationStore : IViberConversationStore
{
    public ValueTask<IAsyncDisposable> AcquireLockAsync(ViberConversationKey key, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask<byte[]?> GetAsync(ViberConversationKey key, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask SetAsync(ViberConversationKey key, ReadOnlyMemory<byte> value, CancellationToken cancellationToken) => throw new NotSupportedException();

    public ValueTask RemoveAsync(ViberConversationKey key, CancellationToken cancellationToken) => throw new NotSupportedException();
}
