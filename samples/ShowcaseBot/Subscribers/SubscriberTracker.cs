using Viber.Api.Callbacks;
using Viber.AspNetCore;

namespace ShowcaseBot.Subscribers;

/// <summary>
/// Keeps <see cref="ISubscriberStore"/> up to date from the callbacks that tell who is subscribed: subscribed and
/// unsubscribed, conversation_started (it says whether the user already is), and any message (a user's first message
/// subscribes them without a subscribed callback).
/// </summary>
public sealed class SubscriberTracker(ISubscriberStore subscribers)
    : IViberEventHandler<SubscribedCallback>,
      IViberEventHandler<UnsubscribedCallback>,
      IViberEventHandler<ConversationStartedCallback>,
      IViberEventHandler<MessageCallback>
{
    public Task HandleAsync(SubscribedCallback callback, CancellationToken cancellationToken)
        => Add(callback.User?.Id);

    public Task HandleAsync(UnsubscribedCallback callback, CancellationToken cancellationToken)
    {
        if (callback.UserId is { } userId)
        {
            subscribers.Remove(userId);
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(ConversationStartedCallback callback, CancellationToken cancellationToken)
        => callback.Subscribed == true ? Add(callback.User?.Id) : Task.CompletedTask;

    public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken)
        => Add(callback.Sender?.Id);

    private Task Add(string? userId)
    {
        if (userId is not null)
        {
            subscribers.Add(userId);
        }

        return Task.CompletedTask;
    }
}
