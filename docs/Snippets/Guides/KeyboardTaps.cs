#region guide-keyboard-taps
using Viber.Api.Keyboards;
using Viber.AspNetCore;

#endregion
namespace Snippets.Guides;

// docs/keyboards-and-rich-media.md: taps, silent taps, and keeping a keyboard on screen.
internal static class KeyboardTaps
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region guide-keyboard-taps
        var menu = new KeyboardBuilder()
            .AddButton("Order", "order", columns: 3)           // the tap sends "order", and the chat shows it
            .AddButton(new Button                              // a silent tap: sent, not shown (Viber 6.7+)
            {
                Text = "Help", ActionType = ButtonActionType.Reply, ActionBody = "menu:help", Columns = 3, Rows = 1, Silent = true,
            })
            .Build();
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))
            .OnAction("order", context => context.ReplyAsync("What would you like?", menu))  // keep the keyboard: send it again
            .OnAction("menu:help", context => context.ReplyAsync("Tap Order to start."))  // no keyboard: the menu disappears
            .Otherwise(context => context.ReplyAsync("Tap a button.", menu));
        #endregion
    }
}
