#region guide-tracking-data-flow
using Viber.AspNetCore;

#endregion
namespace Snippets.Guides;

// docs/conversation-state.md: a two-step flow on tracking_data alone.
internal static class TrackingDataFlow
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region guide-tracking-data-flow
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))
            .When(context => context.TrackingData == "ask-name",           // the user answers the question below
                context => context.ReplyAsync($"Nice to meet you, {context.Text}!"))
            .Otherwise(context =>
            {
                context.ReplyTrackingData = "ask-name";                     // comes back with the user's next message
                return context.ReplyAsync("Hi! What is your name?");
            });
        #endregion
    }
}
