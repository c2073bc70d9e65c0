using Microsoft.Extensions.Logging;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace Viber.Browser.Tests.Support;

/// <summary>
/// The bot the browser tests chat with, built on Viber.AspNetCore as users build theirs: it echoes text, answers
/// "menu" with a keyboard of 2-, 3- and 6-column buttons, "carousel" with a two-block rich media message, and says
/// goodbye on unsubscribe — which Viber refuses (status 6), the classic mistake the side panel must show. "chef" is
/// answered under another sender name than the account's, as a bot signs a message from a person.
/// </summary>
internal sealed partial class ShopBot(IViberBotClient viber, ILogger<ShopBot> logger) : IViberEventHandler<MessageCallback>, IViberEventHandler<UnsubscribedCallback>
{
    public const string Menu = "menu";
    public const string Carousel = "carousel";
    public const string Chef = "chef";
    public const string ChefName = "Chef Mario";
    public const string ChefText = "Today's special is ready.";

    public static Keyboard MenuKeyboard => new()
    {
        BackgroundColor = "#FFFFFF",
        Buttons =
        [
            Button("pizza", "🍕 Pizza", columns: 2),
            Button("sushi", "🍣 Sushi", columns: 2),
            Button("salad", "🥗 Salad", columns: 2),
            Button("special", "<b>Today's special</b>", columns: 3),
            Button("delivery", "Delivery", columns: 3),
            Button("human", "Talk to a <i>human</i>", columns: 6),
        ],
    };

    public static RichMedia Pizzas => new()
    {
        ButtonsGroupColumns = 6,
        ButtonsGroupRows = 3,
        BackgroundColor = "#FFFFFF",
        Buttons =
        [
            .. Pizza("Margherita", "Tomato, mozzarella, basil", "margherita", "#FCE4D6"),
            .. Pizza("Pepperoni", "Spicy salami, mozzarella", "pepperoni", "#E2EFDA"),
        ],
    };

    public Task HandleAsync(MessageCallback callback, CancellationToken cancellationToken)
    {
        var receiver = callback.Sender!.Id;
        ViberMessage reply = (callback.Message as TextMessage)?.Text switch
        {
            Menu => new TextMessage { Receiver = receiver, Text = "What would you like? *Tap* a button.", Keyboard = MenuKeyboard },
            Carousel => new RichMediaMessage { Receiver = receiver, RichMedia = Pizzas, AltText = "Our pizzas" },
            Chef => new TextMessage { Receiver = receiver, Text = ChefText, Sender = new ViberSender(ChefName) },
            { } text => new TextMessage { Receiver = receiver, Text = "echo: " + text },
            null => new TextMessage { Receiver = receiver, Text = "echo: a " + callback.Message?.Type + " message" },
        };
        return viber.SendMessageAsync(reply, cancellationToken);
    }

    public async Task HandleAsync(UnsubscribedCallback callback, CancellationToken cancellationToken)
    {
        try
        {
            await viber.SendMessageAsync(new TextMessage { Receiver = callback.UserId, Text = "Sorry to see you go!" }, cancellationToken);
        }
        catch (ViberApiException exception) when (exception.Status == ViberStatus.ReceiverNotSubscribed)
        {
            // Answering 200 anyway: a 500 would make Viber retry the callback, and the message can never be sent.
            GoodbyeRefused(logger, exception.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Viber refused the goodbye message: {Status}")]
    private static partial void GoodbyeRefused(ILogger logger, ViberStatus status);

    private static Button Button(string actionBody, string text, int columns) => new()
    {
        Columns = columns,
        Rows = 1,
        ActionType = ButtonActionType.Reply,
        ActionBody = actionBody,
        Text = text,
        BackgroundColor = "#EDE9FF",
    };

    private static Button[] Pizza(string name, string description, string actionBody, string color) =>
    [
        new() { Columns = 6, Rows = 1, ActionType = ButtonActionType.None, ActionBody = "none", Text = "<b>" + name + "</b>", BackgroundColor = color, TextSize = TextSize.Large },
        new() { Columns = 6, Rows = 1, ActionType = ButtonActionType.None, ActionBody = "none", Text = description, BackgroundColor = color, TextSize = TextSize.Small },
        new() { Columns = 6, Rows = 1, ActionType = ButtonActionType.Reply, ActionBody = "order:" + actionBody, Text = "<font color=\"#FFFFFF\">Order</font>", BackgroundColor = "#7360F2" },
    ];
}
