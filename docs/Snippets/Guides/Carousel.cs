#region guide-carousel
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.AspNetCore;

#endregion
namespace Snippets.Guides;

// docs/keyboards-and-rich-media.md: a carousel whose reply buttons are routed like keyboard taps.
internal static class Carousel
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region guide-carousel
        var coffees = new RichMediaBuilder(columns: 6, rows: 5)            // one block per item, 6 × 5 cells each
            .AddImage("https://example.com/latte.png", "https://example.com/latte", rows: 3)
            .AddReplyButton("Latte, 3.20", "buy:latte", rows: 2)
            .AddImage("https://example.com/mocha.png", "https://example.com/mocha", rows: 3)
            .AddReplyButton("Mocha, 3.50", "buy:mocha", rows: 2)
            .Build();                                                       // validated against Viber's rich media limits
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))
            .OnTextIgnoreCase("menu", context => context.ReplyAsync(
                new RichMediaMessage { RichMedia = coffees, AltText = "Latte or mocha?" }))   // min_api_version written for you
            .OnAction("buy:{item}", context => context.ReplyAsync($"One {context["item"]} coming up!"));
        #endregion
    }
}
