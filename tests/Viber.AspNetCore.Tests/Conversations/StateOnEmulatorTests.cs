using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.DeepLinks;
using Viber.Api.Messages;
using Viber.Api.Tracking;
using Viber.AspNetCore.Tests.Support;
using Viber.Emulator;

namespace Viber.AspNetCore.Tests.Conversations;

/// <summary>
/// Deep-link context and typed tracking_data end to end: a bot on real Kestrel, the emulator as Viber (it returns
/// the last message's tracking_data with the user's reply, and passes a deep link's context in conversation_started).
/// </summary>
public sealed class StateOnEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("promo-42")]
    [InlineData("order=7&ref=qr #top")]
    [InlineData("{\"campaign\":\"весна\",\"emoji\":\"👋🏽\"}")]
    public async Task A_deep_links_context_arrives_in_conversation_started(string context)
    {
        await using var emulator = new ViberEmulator();
        await using var bot = await StartBotAsync(emulator, b => b.OnConversationStarted((callback, _, _) =>
            Task.FromResult<ViberMessage?>(new TextMessage { Text = "context:" + callback.Context })));
        var user = emulator.CreateUser("Olena");

        await user.OpenDeepLinkAsync(ViberDeepLink.Conversation(emulator.Account.Uri, context, text: "Hi!"), Ct);
        var welcome = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("context:" + context, welcome.Text);
        Assert.Equal(context, user.Context);
    }

    [Fact]
    public async Task A_deep_link_to_another_bot_is_refused_by_the_emulator()
    {
        await using var emulator = new ViberEmulator();
        var user = emulator.CreateUser("Olena");

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => user.OpenDeepLinkAsync(ViberDeepLink.Conversation("otherbot", "x"), Ct));

        Assert.Contains("otherbot", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_tracking_data_sent_with_a_reply_comes_back_with_the_users_next_message()
    {
        await using var emulator = new ViberEmulator();
        await using var bot = await StartBotAsync(emulator, b => b.On<MessageCallback, IViberBotClient>(async (callback, viber, ct) =>
        {
            var cart = callback.GetTrackingData(StateTestJsonContext.Default.CartState) ?? new CartState(0, []);
            var text = ((TextMessage)callback.Message!).Text!;
            var next = new CartState(cart.Count + 1, [.. cart.Items, text]);
            await viber.SendMessageAsync(
                new TextMessage { Receiver = callback.Sender!.Id, Text = string.Join(",", next.Items) }.WithTrackingData(next, StateTestJsonContext.Default.CartState),
                ct);
        }));
        var user = emulator.CreateUser("Olena");

        await user.SendTextAsync("pizza", Ct);
        var first = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendTextAsync("салат", Ct);
        var second = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("pizza", first.Text);
        Assert.Equal("pizza,салат", second.Text);
        Assert.Equal(2, ViberTrackingData.Deserialize(user.TrackingData, StateTestJsonContext.Default.CartState)?.Count);
    }

    [Fact]
    public async Task A_route_keeps_state_through_its_contexts_conversation_and_greets_by_the_cached_user_details()
    {
        await using var emulator = new ViberEmulator();
        await using var bot = await StartBotAsync(emulator, b => b.OnText("add", async context =>
        {
            CartState next;
            await using (var conversation = await context.LockConversationAsync())
            {
                var cart = await conversation.GetAsync(StateTestJsonContext.Default.CartState, context.CancellationToken) ?? new CartState(0, []);
                next = cart with { Count = cart.Count + 1 };
                await conversation.SetAsync(next, StateTestJsonContext.Default.CartState, context.CancellationToken);
            }

            var details = await context.GetUserDetailsAsync();
            await context.ReplyAsync($"{details.Name}: {next.Count}");
        }));
        var user = emulator.CreateUser("Olena");

        await user.SendTextAsync("add", Ct);
        Assert.Equal("Olena: 1", (await user.WaitForMessageAsync(cancellationToken: Ct)).Text);
        await user.SendTextAsync("add", Ct);
        Assert.Equal("Olena: 2", (await user.WaitForMessageAsync(cancellationToken: Ct)).Text);
        await user.SendTextAsync("add", Ct);
        Assert.Equal("Olena: 3", (await user.WaitForMessageAsync(cancellationToken: Ct)).Text);

        // Three lookups, one get_user_details call: the rest came from the cache.
        Assert.Single(emulator.ApiCalls, c => c.Method == ViberApiMethods.GetUserDetails);
    }

    private static async Task<TestBot> StartBotAsync(ViberEmulator emulator, Action<IViberBotBuilder> handlers)
    {
        var port = FreePort.Next();
        var bot = await TestBot.StartAsync(
            options: o =>
            {
                o.AuthToken = emulator.AuthToken;
                o.WebhookUrl = $"http://127.0.0.1:{port}/viber/webhook";
                o.RegisterWebhook = true;
                o.Sender.Name = "State Bot";
            },
            bot: b => handlers(b.ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => emulator.CreateApiHandler()))),
            port: port,
            fakeClient: false);
        await emulator.WaitForWebhookAsync(cancellationToken: Ct);
        return bot;
    }
}
