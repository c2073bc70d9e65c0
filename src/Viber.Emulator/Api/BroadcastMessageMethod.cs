using System.Text.Json;
using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;
using Viber.Emulator.Conversations;
using Viber.Emulator.Internal;

namespace Viber.Emulator.Api;

/// <summary>
/// broadcast_message: at most 500 requests per 10 s (12), 30 KB, <c>broadcast_list</c> of 1–300 ids, the message
/// rules, placeholders replaced per receiver, and a <c>failed_list</c> for receivers that are unknown (5) or not
/// subscribed (6). Broadcasts do not count toward the 100-messages-per-hour limit of send_message. The answer can be
/// held back by <see cref="ViberEmulatorOptions.BroadcastResponseDelay"/>.
/// </summary>
internal sealed class BroadcastMessageMethod(EmulatorState state, ConversationEngine conversations) : IApiMethod
{
    public const int MaxReceivers = 300;

    public string Name => ViberApiMethods.BroadcastMessage;

    public bool AllowsGet => false;

    public async Task<ApiResult> InvokeAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        // Counted and delivered on arrival, as Viber does; only the answer is late, as over a real network.
        var result = Broadcast(request);
        if (state.Options.BroadcastResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(state.Options.BroadcastResponseDelay, state.Time, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private ApiResult Broadcast(ApiRequest request)
    {
        lock (state.Gate)
        {
            // The rate limit guards the endpoint, so every request counts, valid or not.
            if (!state.Account.Broadcasts.TryAdd(state.Time.GetUtcNow()))
            {
                var limit = state.Account.Broadcasts;
                return ApiResult.Error(ViberStatus.TooManyRequests, $"broadcast_message allows {limit.Limit} requests per {limit.Window.TotalSeconds:0.###} seconds");
            }
        }

        if (MessageParser.CheckSize(request.Body.Length) is { } tooLarge)
        {
            return tooLarge;
        }

        if (!ApiJson.TryParseObject(request.Body, out var root))
        {
            return ApiResult.NotJson;
        }

        if (ApiJson.RequireStringArray(root, "broadcast_list", MaxReceivers, out var receivers) is { } badList)
        {
            return badList;
        }

        if (MessageParser.Parse(root, out _) is { } invalid)
        {
            return invalid;
        }

        var template = JsonNode.Parse(request.Body.Span)!.AsObject();
        template.Remove("broadcast_list");

        lock (state.Gate)
        {
            if (state.Account.Webhook is null)
            {
                return ApiResult.Error(ViberStatus.WebhookNotSet, "set a webhook with set_webhook before sending messages");
            }

            var token = state.Tokens.Next();
            var failed = new List<BroadcastFailure>();
            foreach (var receiver in receivers.Distinct(StringComparer.Ordinal))
            {
                if (Deliver(template, receiver, token) is { } failure)
                {
                    failed.Add(failure);
                }
            }

            var response = new BroadcastMessageResponse { MessageToken = token, BillingStatus = BillingStatus.Default, FailedList = failed.Count > 0 ? failed : null };
            return ApiResult.Ok(response, ViberJson.Context.BroadcastMessageResponse);
        }
    }

    /// <summary>Delivers the receiver's copy; called under the state's lock.</summary>
    /// <returns>Why the receiver was not reached, or <see langword="null"/>.</returns>
    private BroadcastFailure? Deliver(JsonObject template, string receiver, long token)
    {
        if (!state.Users.TryGetValue(receiver, out var user))
        {
            if (state.Options.AcceptUnknownBroadcastReceivers)
            {
                return null;
            }

            return new BroadcastFailure { Receiver = receiver, Status = ViberStatus.ReceiverNotRegistered, StatusMessage = "Not found" };
        }

        if (!user.Subscribed)
        {
            return new BroadcastFailure { Receiver = receiver, Status = ViberStatus.ReceiverNotSubscribed, StatusMessage = "Not subscribed" };
        }

        var json = BroadcastPlaceholders.Apply(template, user.Id, user.Profile.Name).ToJsonString(ViberJson.Options);
        var message = JsonSerializer.Deserialize(json, ViberJson.Context.ViberMessage)!;
        if (MessageParser.CheckApiVersion(message, user) is { } tooNew)
        {
            return new BroadcastFailure { Receiver = receiver, Status = tooNew.Status, StatusMessage = tooNew.StatusMessage };
        }

        conversations.Deliver(user, message, json, token, ChatMessageOrigin.Broadcast);
        return null;
    }
}
