using System.Globalization;
using System.Text;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Emulator.Api;
using Viber.Emulator.Api.Rules;
using Viber.Emulator.Callbacks;
using Viber.Emulator.Events;
using Viber.Emulator.Internal;
using Viber.Emulator.Users;

namespace Viber.Emulator.Conversations;

/// <summary>
/// What happens in conversations: bot messages reaching users (client checks, keyboard, tracking data,
/// delivered/failed callbacks) and users acting (opening, subscribing, writing, tapping, reading).
/// </summary>
/// <remarks>
/// A user's action changes state under the state's lock, then sends its callback with no lock held, as tracked
/// background work: the caller waits for the webhook's answer (retries included) for at most
/// <see cref="ViberEmulatorOptions.DefaultWaitTimeout"/>, and then gets a <see cref="TimeoutException"/> that names the
/// callback and its attempts while the retries go on.
/// </remarks>
internal sealed class ConversationEngine(EmulatorState state, EventFeed feed, CallbackFactory callbacks, CallbackSender sender, BackgroundWork background)
{
    /// <summary>Hands a bot message, accepted by the server, to the user's devices. Called under the state's lock.</summary>
    public void Deliver(UserState user, ViberMessage message, string json, long token, ChatMessageOrigin origin)
    {
        var violation = ClientMessageRules.FindViolation(message);
        var entry = new ChatMessage(
            user.Id, token, ChatDirection.BotToUser, origin, state.Time.GetUtcNow(), message, json, silent: false,
            violation is null ? DeliveryState.Delivered : DeliveryState.Failed, violation);
        user.Conversation.Add(entry);
        user.Inbox.Writer.TryWrite(entry);
        feed.Publish(new ChatMessageEvent { UserId = user.Id, Message = entry });

        if (violation is not null)
        {
            // The client rejected it: one failed callback, and the keyboard and tracking data stay as they were.
            Post(callbacks.Failed(user, token, violation), user);
            return;
        }

        // The client shows only the last keyboard, and the user's next message carries the last tracking data.
        user.Keyboard = message.Keyboard;
        user.TrackingData = message.TrackingData;
        for (var device = 0; device < Math.Max(1, user.Profile.Devices); device++)
        {
            Post(callbacks.Delivered(user, token, device), user);
        }
    }

    public async Task<CallbackResult> OpenConversationAsync(UserState user, string? context, CancellationToken cancellationToken)
    {
        ConversationStartedCallback callback;
        lock (state.Gate)
        {
            user.ConversationStartedAt = state.Time.GetUtcNow();
            user.WelcomeMessageUsed = false;
            user.Context = context;
            callback = callbacks.ConversationStarted(user, context);
            feed.Publish(new UserChangedEvent { UserId = user.Id, Change = UserChange.ConversationOpened });
        }

        return await ActAsync(
            callback,
            user,
            async token =>
            {
                var result = await sender.SendAsync(callback, user.Id, token).ConfigureAwait(false);
                if (result.IsDelivered && result.ResponseBytes is { } body && !body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
                {
                    AcceptWelcomeResponse(user, body);
                }

                return result;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<CallbackResult> SubscribeAsync(UserState user, CancellationToken cancellationToken)
    {
        SubscribedCallback callback;
        lock (state.Gate)
        {
            if (user.Subscribed)
            {
                throw new InvalidOperationException($"User '{user.Profile.Name}' ({user.Id}) is already subscribed.");
            }

            // Viber: a subscribe event deletes the conversation's context and tracking data.
            user.Subscribed = true;
            user.Context = null;
            user.TrackingData = null;
            callback = callbacks.Subscribed(user);
            feed.Publish(new UserChangedEvent { UserId = user.Id, Change = UserChange.Subscribed });
        }

        return await ActAsync(callback, user, token => sender.SendAsync(callback, user.Id, token), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CallbackResult> UnsubscribeAsync(UserState user, CancellationToken cancellationToken)
    {
        UnsubscribedCallback callback;
        lock (state.Gate)
        {
            if (!user.Subscribed)
            {
                throw new InvalidOperationException($"User '{user.Profile.Name}' ({user.Id}) is not subscribed.");
            }

            user.Subscribed = false;

            // The user left: the single welcome message belongs to an open conversation_started, not to a farewell.
            user.WelcomeMessageUsed = true;
            callback = callbacks.Unsubscribed(user);
            feed.Publish(new UserChangedEvent { UserId = user.Id, Change = UserChange.Unsubscribed });
        }

        return await ActAsync(callback, user, token => sender.SendAsync(callback, user.Id, token), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CallbackResult> SendUserMessageAsync(UserState user, ViberMessage message, bool silent, CancellationToken cancellationToken)
    {
        if (message is RichMediaMessage or KeyboardMessage or UnknownMessage)
        {
            throw new ArgumentException($"Viber users can send text, picture, video, file, contact, url, location and sticker messages, not {message.Type ?? "keyboard-only"} messages.", nameof(message));
        }

        // The caller's object is left alone: the user's copy has no bot fields and carries the last tracking data.
        var copy = ViberJson.DeserializeMessage(ViberJson.SerializeMessage(message));
        copy.Receiver = null;
        copy.Sender = null;
        copy.Keyboard = null;
        copy.MinApiVersion = null;

        ChatMessage entry;
        MessageCallback callback;
        lock (state.Gate)
        {
            var now = state.Time.GetUtcNow();
            copy.TrackingData = user.TrackingData;
            if (!user.Subscribed)
            {
                // A first message subscribes the user without a subscribed callback.
                user.Subscribed = true;
                feed.Publish(new UserChangedEvent { UserId = user.Id, Change = UserChange.Subscribed });
            }

            user.UnansweredMessages.Reset();
            user.LastUserMessageAt = now;
            var token = state.Tokens.Next();
            entry = new ChatMessage(
                user.Id, token, ChatDirection.UserToBot, ChatMessageOrigin.User, now, copy,
                Encoding.UTF8.GetString(ViberJson.SerializeMessage(copy)), silent, DeliveryState.Sending, failureReason: null);
            user.Conversation.Add(entry);
            callback = callbacks.Message(user, copy, token, silent);
            feed.Publish(new ChatMessageEvent { UserId = user.Id, Message = entry });
        }

        return await ActAsync(
            callback,
            user,
            async token =>
            {
                var result = await sender.SendAsync(callback, user.Id, token).ConfigureAwait(false);
                lock (state.Gate)
                {
                    SetState(entry, result.IsDelivered ? DeliveryState.Delivered : DeliveryState.Failed, result.IsDelivered ? null : result.ToString());
                }

                return result;
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a Viber client sends when a button is tapped; <see langword="null"/> when it sends nothing.</summary>
    public async Task<CallbackResult?> TapAsync(UserState user, Button button, CancellationToken cancellationToken)
    {
        var action = button.ActionType ?? ButtonActionType.Reply;
        ViberMessage? message = action.Value switch
        {
            // open-url opens the page and also sends the URL (the ActionBody) to the bot.
            "reply" or "open-url" => new TextMessage { Text = button.ActionBody },
            "location-picker" => new LocationMessage { Location = new ViberLocation { Latitude = user.Profile.Latitude, Longitude = user.Profile.Longitude } },
            "share-phone" => new ContactMessage { Contact = new ViberContact { Name = user.Profile.Name, PhoneNumber = user.Profile.PhoneNumber } },
            _ => null,
        };
        return message is null ? null : await SendUserMessageAsync(user, message, button.Silent == true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The user reads the chat: unread bot messages become seen, and the bot gets one seen callback.</summary>
    public async Task<CallbackResult?> ReadAsync(UserState user, CancellationToken cancellationToken)
    {
        SeenCallback callback;
        lock (state.Gate)
        {
            var unread = user.Conversation.Where(m => m.Direction == ChatDirection.BotToUser && m.State == DeliveryState.Delivered).ToList();
            if (unread.Count == 0)
            {
                return null;
            }

            foreach (var message in unread)
            {
                SetState(message, DeliveryState.Seen, failureReason: null);
            }

            callback = callbacks.Seen(user, unread[^1].MessageToken);
        }

        return await ActAsync(callback, user, token => sender.SendAsync(callback, user.Id, token), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Delivers a welcome message the bot returned in its conversation_started answer, if it is valid.</summary>
    private void AcceptWelcomeResponse(UserState user, byte[] body)
    {
        ViberMessage? message = null;
        var error = MessageParser.CheckSize(body.Length)
            ?? (ApiJson.TryParseObject(body, out var root) ? MessageParser.Parse(root, out message) : ApiResult.NotJson);
        lock (state.Gate)
        {
            error ??= MessageParser.CheckApiVersion(message!, user);
            if (error is null && !user.UnansweredMessages.TryAdd(state.Time.GetUtcNow()))
            {
                error = ApiResult.Error(ViberStatus.TooManyRequests, "100 messages were sent to this user within an hour without a reply");
            }

            if (error is not null)
            {
                feed.Publish(new WelcomeMessageRejectedEvent { UserId = user.Id, Status = error.Status, Reason = error.StatusMessage, Body = Encoding.UTF8.GetString(body) });
                return;
            }

            user.WelcomeMessageUsed = true;
            Deliver(user, message!, Encoding.UTF8.GetString(body), state.Tokens.Next(), ChatMessageOrigin.WelcomeResponse);
        }
    }

    private void SetState(ChatMessage message, DeliveryState state, string? failureReason)
    {
        message.SetState(state, failureReason);
        feed.Publish(new MessageStateChangedEvent { UserId = message.UserId, MessageToken = message.MessageToken, State = state, FailureReason = failureReason });
    }

    private static string Describe(ViberCallback callback, UserState user)
        => string.Create(CultureInfo.InvariantCulture, $"{callback.Event} callback for user '{user.Profile.Name}' ({user.Id}), message token {callback.MessageToken}");

    private void Post(ViberCallback callback, UserState user)
        => background.Run(Describe(callback, user), token => sender.SendAsync(callback, user.Id, token));

    /// <summary>Sends a user's callback as tracked work and waits for its outcome, for a bounded time.</summary>
    private async Task<CallbackResult> ActAsync(ViberCallback callback, UserState user, Func<CancellationToken, Task<CallbackResult>> work, CancellationToken cancellationToken)
    {
        var operation = Describe(callback, user);
        var task = background.Start(operation, async stopping =>
        {
            // The caller's token cancels the callback as it always did; giving up waiting (the timeout) does not.
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
            return await work(linked.Token).ConfigureAwait(false);
        });
        var limit = state.Options.DefaultWaitTimeout;
        try
        {
            // Wall clock: a webhook that keeps failing on Viber's hour-long retry schedule (or on a fake clock nobody
            // advances) must fail the caller in seconds, not hang it.
            return await task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The {operation} was not answered with HTTP 200 within {limit.TotalSeconds:0.###} s; its retries go on in the background. {feed.DescribeRecent(e => e is CallbackAttemptEvent a && a.MessageToken == callback.MessageToken, count: 3)}"),
                exception);
        }
    }
}
