#region conversation-state
using System.Text.Json.Serialization;
using Viber.Api.DeepLinks;
using Viber.Api.Messages;
using Viber.Api.Tracking;
using Viber.AspNetCore;
using Viber.AspNetCore.Conversations;

#endregion
using Viber.Api;
using Viber.Api.Callbacks;

namespace Snippets.Readme;

#region conversation-state
[JsonSerializable(typeof(OrderState))]
partial class BotJson : JsonSerializerContext;
record OrderState(string Step, int Quantity);

#endregion

// README "Conversation state".
internal static class ConversationState
{
    public static async Task<OrderState?> TrackingData(IViberBotClient viber, string userId, MessageCallback callback, CancellationToken ct)
    {
        #region conversation-state
        // 1. tracking_data: Viber returns it with the user's reply (at most 4,096 characters as JSON, else ArgumentException).
        await viber.SendMessageAsync(new TextMessage { Receiver = userId, Text = "How many?" }
            .WithTrackingData(new OrderState("quantity", 0), BotJson.Default.OrderState), ct);
        // ... in the next MessageCallback handler:
        var order = callback.GetTrackingData(BotJson.Default.OrderState);   // null when absent

        #endregion
        return order;
    }

    #region conversation-state
    // 2. IViberConversationStore: state that does not fit, read-modify-write under a per-user lock.
    sealed class OrderHandler(IViberConversationStore store) : IViberEventHandler<MessageCallback>
    {
        public async Task HandleAsync(MessageCallback callback, CancellationToken ct)
        {
            await using var conversation = await store.LockAsync(callback.Sender!.Id!, ct);
            var order = await conversation.GetAsync(BotJson.Default.OrderState, ct) ?? new OrderState("start", 0);
            await conversation.SetAsync(order with { Quantity = order.Quantity + 1 }, BotJson.Default.OrderState, ct);
        }   // disposing releases the lock; RemoveAsync() ends the flow
    }

    #endregion
    public static void Register(IServiceCollection services) => services.AddViberBot().AddEventHandler<OrderHandler>();

    public static string DeepLink()
    {
        #region conversation-state
        // 3. Deep links: the context arrives in conversation_started (ConversationStartedCallback.Context).
        var link = ViberDeepLink.Conversation("mybot", context: "promo 42", text: "Hi");
        // viber://pa?chatURI=mybot&context=promo%2042&text=Hi
        #endregion
        return link;
    }
}
