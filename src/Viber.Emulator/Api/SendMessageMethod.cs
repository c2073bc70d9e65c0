using System.Text;
using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Emulator.Conversations;
using Viber.Emulator.Users;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Api;

/// <summary>
/// send_message: 30 KB limit, message rules (3/4), webhook set (10), known receiver (5), subscribed receiver or the
/// single welcome message within 5 minutes of conversation_started (6), API version (13), and at most 100
/// messages an hour the user has not answered (12).
/// </summary>
internal sealed class SendMessageMethod(EmulatorState state, ConversationEngine conversations) : IApiMethod
{
    /// <summary>How long after conversation_started the bot may send its one welcome message.</summary>
    public static readonly TimeSpan WelcomeWindow = TimeSpan.FromMinutes(5);

    /// <summary>How long after the user's last message the bot's messages count as "in session" for billing.</summary>
    private static readonly TimeSpan Session = TimeSpan.FromHours(24);

    public string Name => ViberApiMethods.SendMessage;

    public bool AllowsGet => false;

    public Task<ApiResult> InvokeAsync(ApiRequest request, CancellationToken cancellationToken)
        => Task.FromResult(Send(request));

    private ApiResult Send(ApiRequest request)
    {
        if (MessageParser.CheckSize(request.Body.Length) is { } tooLarge)
        {
            return tooLarge;
        }

        if (!ApiJson.TryParseObject(request.Body, out var root))
        {
            return ApiResult.NotJson;
        }

        if (ApiJson.RequireString(root, "receiver", out var receiver) is { } noReceiver)
        {
            return noReceiver;
        }

        if (MessageParser.Parse(root, out var message) is { } invalid)
        {
            return invalid with { UserId = receiver };
        }

        lock (state.Gate)
        {
            var result = Admit(receiver, message);
            if (result.Error is { } refused)
            {
                return refused with { UserId = receiver };
            }

            var token = state.Tokens.Next();
            conversations.Deliver(result.User!, message, Encoding.UTF8.GetString(request.Body.Span), token, ChatMessageOrigin.SendMessage);
            var response = new SendMessageResponse { MessageToken = token, BillingStatus = result.Billing };
            return ApiResult.Ok(response, ViberJson.Context.SendMessageResponse) with { UserId = receiver };
        }
    }

    /// <summary>Decides whether the message may go to the receiver; called under the state's lock.</summary>
    private (UserState? User, BillingStatus Billing, ApiResult? Error) Admit(string receiver, Viber.Api.Messages.ViberMessage message)
    {
        if (state.Account.Webhook is null)
        {
            return (null, default, ApiResult.Error(ViberStatus.WebhookNotSet, "set a webhook with set_webhook before sending messages"));
        }

        if (!state.Users.TryGetValue(receiver, out var user))
        {
            return (null, default, ApiResult.Error(ViberStatus.ReceiverNotRegistered, "no Viber user has this id"));
        }

        var now = state.Time.GetUtcNow();
        var isWelcome = false;
        if (!user.Subscribed)
        {
            isWelcome = user.ConversationStartedAt is { } opened && now - opened <= WelcomeWindow && !user.WelcomeMessageUsed;
            if (!isWelcome)
            {
                return (user, default, ApiResult.Error(
                    ViberStatus.ReceiverNotSubscribed,
                    "the user has not subscribed; only one welcome message is allowed within 5 minutes of conversation_started"));
            }
        }

        if (MessageParser.CheckApiVersion(message, user) is { } tooNew)
        {
            return (user, default, tooNew);
        }

        if (!user.UnansweredMessages.TryAdd(now))
        {
            return (user, default, ApiResult.Error(ViberStatus.TooManyRequests, "100 messages were sent to this user within an hour without a reply"));
        }

        if (isWelcome)
        {
            user.WelcomeMessageUsed = true;
        }

        var billing = isWelcome ? BillingStatus.Default
            : user.LastUserMessageAt is { } replied && now - replied < Session ? BillingStatus.InSessionNonBillableBot
            : BillingStatus.OutOfSessionFreeMessageNonBillableBot;
        return (user, billing, null);
    }
}
