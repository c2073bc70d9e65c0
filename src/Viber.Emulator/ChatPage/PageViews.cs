using System.Globalization;
using System.Text.Json;
using Viber.Api.Serialization;
using Viber.Emulator.ChatPage.Views;
using Viber.Emulator.Conversations;
using Viber.Emulator.Users;

namespace Viber.Emulator.ChatPage;

/// <summary>Turns the emulator's public objects into the page's views.</summary>
internal static class PageViews
{
    public static PageState State(ViberEmulator emulator) => new(emulator.Account, [.. emulator.Users.Select(User)]);

    public static PageUser User(EmulatedUser user)
    {
        var profile = user.Profile;
        return new PageUser
        {
            Id = user.Id,
            Name = user.Name,
            Avatar = profile.Avatar,
            Country = profile.Country,
            Language = profile.Language,
            ApiVersion = profile.ApiVersion,
            Devices = profile.Devices,
            Subscribed = user.IsSubscribed,
            ConversationStartedAt = user.ConversationStartedAt,
            Context = user.Context,
        };
    }

    public static PageConversation Conversation(EmulatedUser user)
    {
        var keyboard = user.Keyboard;
        return new PageConversation
        {
            UserId = user.Id,
            Keyboard = keyboard is null ? null : JsonSerializer.SerializeToElement(keyboard, ViberJson.Context.Keyboard),
            Messages = [.. user.Conversation.Select(Message)],
        };
    }

    public static PageMessage Message(ChatMessage message)
    {
        using var json = JsonDocument.Parse(message.Json);
        return new PageMessage
        {
            Token = message.MessageToken.ToString(CultureInfo.InvariantCulture),
            Direction = message.Direction == ChatDirection.BotToUser ? "bot" : "user",
            Origin = Origin(message.Origin),
            Time = message.Time,
            Status = Status(message.State),
            Error = message.FailureReason,
            Silent = message.Silent,
            Message = json.RootElement.Clone(),
        };
    }

    public static string Status(DeliveryState state) => state switch
    {
        DeliveryState.Sending => "sending",
        DeliveryState.Delivered => "delivered",
        DeliveryState.Seen => "seen",
        DeliveryState.Failed => "failed",
        _ => state.ToString(),
    };

    private static string Origin(ChatMessageOrigin origin) => origin switch
    {
        ChatMessageOrigin.User => "user",
        ChatMessageOrigin.SendMessage => "send_message",
        ChatMessageOrigin.Broadcast => "broadcast",
        ChatMessageOrigin.WelcomeResponse => "welcome",
        _ => origin.ToString(),
    };
}
