using Viber.Api.Keyboards;

namespace ShowcaseBot.Orders;

/// <summary>The keyboards of the order flow; each offers a way out (Cancel).</summary>
public static class OrderKeyboards
{
    public const string CancelAction = "cancel";
    public const string ConfirmAction = "confirm";

    public static Keyboard Quantity() => new KeyboardBuilder()
        .AddRow("1", "2", "3", "5")
        .AddButton("Cancel", CancelAction)
        .Build();

    /// <summary>A location-picker button: the user's Viber shares the location it picks, as a location message.</summary>
    public static Keyboard Location() => new KeyboardBuilder()
        .AddButton(new Button
        {
            Columns = 6,
            Rows = 1,
            ActionType = ButtonActionType.LocationPicker,
            ActionBody = "location",
            Text = "📍 Send my location",
        })
        .AddButton("Cancel", CancelAction)
        .Build();

    public static Keyboard Confirm() => new KeyboardBuilder()
        .AddButton("✅ Confirm", ConfirmAction, columns: 3)
        .AddButton("Cancel", CancelAction, columns: 3)
        .Build();

    public static Keyboard BackToMenu() => new KeyboardBuilder()
        .AddButton("Back to the menu", Menus.MenuActions.Menu)
        .Build();
}
