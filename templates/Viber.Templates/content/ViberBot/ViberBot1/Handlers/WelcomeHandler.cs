using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace ViberBot1.Handlers;

/// <summary>Answers conversation_started with a welcome message in the webhook's response (sender from Viber:Sender).</summary>
public sealed class WelcomeHandler : IViberConversationStartedHandler
{
    /// <summary>The welcome text.</summary>
    public const string WelcomeText = "Welcome! Send me a message and I will echo it back.";

    /// <inheritdoc />
    public Task<ViberMessage?> HandleAsync(ConversationStartedCallback callback, CancellationToken cancellationToken)
        => Task.FromResult<ViberMessage?>(new TextMessage { Text = WelcomeText });
}
