using System.Collections.Concurrent;
using System.Net;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Conversations;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Conversations;

/// <summary>
/// Handlers that read, modify and write a user's state under <c>LockAsync</c>, driven through the webhook: Viber
/// delivers one user's messages concurrently in inline mode, and the lock keeps them from losing each other's writes.
/// </summary>
public sealed class ConversationLockWebhookTests
{
    private readonly TaskCompletionSource _releaseFirst = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrived = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _readState = new();

    [Fact]
    public async Task Two_messages_from_one_user_are_serialized_and_another_user_is_not_blocked()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.On<MessageCallback, IViberConversationStore>(HandleAsync));

        var first = bot.PostAsync(Callbacks.Text("first", "user-a"));
        await Waits.ForAsync(Signal(_readState, "first").Task);
        var second = bot.PostAsync(Callbacks.Text("second", "user-a"));
        await Waits.ForAsync(Signal(_arrived, "second").Task);

        // While "first" holds user-a's conversation, user-b's message is handled from start to end...
        using var other = await Waits.ForAsync(bot.PostAsync(Callbacks.Text("other", "user-b")));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        // ...and "second" has not read user-a's state: it waits for the lock.
        Assert.False(Signal(_readState, "second").Task.IsCompleted);

        _releaseFirst.SetResult();
        using var firstResponse = await Waits.ForAsync(first);
        using var secondResponse = await Waits.ForAsync(second);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);

        var store = bot.Services.GetRequiredService<IViberConversationStore>();
        var userA = await store.GetAsync("user-a", StateTestJsonContext.Default.CartState, TestContext.Current.CancellationToken);
        var userB = await store.GetAsync("user-b", StateTestJsonContext.Default.CartState, TestContext.Current.CancellationToken);
        Assert.Equal(2, userA?.Count);
        Assert.Equal(["first", "second"], userA?.Items);
        Assert.Equal(["other"], userB?.Items);
    }

    private static TaskCompletionSource Signal(ConcurrentDictionary<string, TaskCompletionSource> signals, string name)
        => signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task HandleAsync(MessageCallback callback, IViberConversationStore store, CancellationToken cancellationToken)
    {
        var text = ((TextMessage)callback.Message!).Text!;
        Signal(_arrived, text).TrySetResult();
        await using var conversation = await store.LockAsync(callback.Sender!.Id!, cancellationToken);
        var cart = await conversation.GetAsync(StateTestJsonContext.Default.CartState, cancellationToken) ?? new CartState(0, []);
        Signal(_readState, text).TrySetResult();
        if (text == "first")
        {
            // Without the lock, "second" would read the empty cart now and one of the two writes would be lost.
            await _releaseFirst.Task.WaitAsync(cancellationToken);
        }

        await conversation.SetAsync(new CartState(cart.Count + 1, [.. cart.Items, text]), StateTestJsonContext.Default.CartState, cancellationToken);
    }
}
