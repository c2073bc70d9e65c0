#region guide-conversation-flow
using System.Text.Json.Serialization;
using Viber.AspNetCore;

#endregion
namespace Snippets.Guides;

#region guide-conversation-flow
[JsonSerializable(typeof(Signup))]
partial class SignupJson : JsonSerializerContext;
record Signup(string Step, string? Name = null);

#endregion

// docs/conversation-state.md: a multi-step flow on the conversation store, one lock per message.
internal static class ConversationFlow
{
    public static void Register(WebApplicationBuilder builder)
    {
        #region guide-conversation-flow
        builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))
            .OnTextIgnoreCase("sign up", async context =>
            {
                await using var conversation = await context.LockConversationAsync();
                await conversation.SetAsync(new Signup("name"), SignupJson.Default.Signup, context.CancellationToken);
                await context.ReplyAsync("What is your name?");
            })
            .Otherwise(async context =>
            {
                await using var conversation = await context.LockConversationAsync();   // this user's messages wait here
                var signup = await conversation.GetAsync(SignupJson.Default.Signup, context.CancellationToken);
                switch (signup?.Step)
                {
                    case "name":
                        await conversation.SetAsync(signup with { Step = "email", Name = context.Text }, SignupJson.Default.Signup, context.CancellationToken);
                        await context.ReplyAsync($"Thanks, {context.Text}. Your e-mail?");
                        break;
                    case "email":
                        await conversation.RemoveAsync(context.CancellationToken);   // the flow is over
                        await context.ReplyAsync($"Signed up {signup.Name} <{context.Text}>.");
                        break;
                    default:
                        await context.ReplyAsync("Send \"sign up\" to start.");
                        break;
                }
            });
        #endregion
    }
}
