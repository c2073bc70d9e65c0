#region keyboards
using Viber.Api;
using Viber.Api.Keyboards;

#endregion
namespace Snippets.Readme;

// README "Keyboards, carousels and limits".
internal static class Keyboards
{
    public static async Task SendAsync(IViberBotClient viber, string userId)
    {
        #region keyboards
        var keyboard = new KeyboardBuilder()
            .AddRow("Pizza", "Sushi", "Salad")                 // three buttons sharing the 6-column row
            .AddUrlButton("Our site", "https://example.com")   // a full-width open-url button
            .WithInputFieldState(InputFieldState.Minimized)    // an API level 4 feature
            .Build();                                          // validated: grid, colours, enum values, ...
        await viber.SendTextMessageAsync(userId, "What would you like?", keyboard);
        #endregion
    }
}
