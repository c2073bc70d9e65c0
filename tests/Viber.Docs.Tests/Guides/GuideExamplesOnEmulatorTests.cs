using Microsoft.Extensions.DependencyInjection;
using Snippets.Guides;
using Viber.Api.Messages;
using Viber.Emulator.Conversations;

namespace Viber.Docs.Tests.Guides;

/// <summary>
/// The guides' bots, as docs/Snippets compiles them, chatting with emulated users: what each guide says its example
/// does is what it does.
/// </summary>
public sealed class GuideExamplesOnEmulatorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keyboard_taps_a_shown_tap_keeps_the_menu_and_a_silent_one_is_marked_and_removes_it()
    {
        await using var bot = await GuideBots.StartAsync(KeyboardTaps.Register, Ct);
        var user = bot.Emulator.CreateUser("Olena");

        await user.SendTextAsync("hi", Ct);
        Assert.Equal("Tap a button.", (await user.WaitForMessageAsync(cancellationToken: Ct)).Text);
        await user.TapKeyboardButtonAsync("Order", Ct);
        var order = await user.WaitForMessageAsync(cancellationToken: Ct);
        var tap = user.Conversation.Last(m => m.Direction == ChatDirection.UserToBot);
        await user.TapKeyboardButtonAsync("Help", Ct);
        var help = await user.WaitForMessageAsync(cancellationToken: Ct);
        var silentTap = user.Conversation.Last(m => m.Direction == ChatDirection.UserToBot);

        Assert.Equal("What would you like?", order.Text);
        Assert.Equal("order", tap.Text);
        Assert.False(tap.Silent);
        Assert.Equal("Tap Order to start.", help.Text);
        Assert.Equal("menu:help", silentTap.Text);
        Assert.True(silentTap.Silent);
        Assert.Null(user.Keyboard);
    }

    [Fact]
    public async Task Carousel_reply_buttons_are_routed_like_keyboard_taps()
    {
        await using var bot = await GuideBots.StartAsync(Carousel.Register, Ct);
        var user = bot.Emulator.CreateUser("Olena");

        await user.SendTextAsync("Menu", Ct);
        var carousel = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapRichMediaButtonAsync(carousel.MessageToken, 3, Ct);   // the second block's reply button
        var reply = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.IsType<RichMediaMessage>(carousel.Message);
        Assert.Equal("One mocha coming up!", reply.Text);
    }

    [Fact]
    public async Task The_tracking_data_flow_asks_and_remembers_only_the_next_answer()
    {
        await using var bot = await GuideBots.StartAsync(TrackingDataFlow.Register, Ct);
        var user = bot.Emulator.CreateUser("Olena");

        var texts = new List<string?>();
        foreach (var text in new[] { "hi", "Olena", "hello again" })
        {
            await user.SendTextAsync(text, Ct);
            texts.Add((await user.WaitForMessageAsync(cancellationToken: Ct)).Text);
        }

        Assert.Equal(new string?[] { "Hi! What is your name?", "Nice to meet you, Olena!", "Hi! What is your name?" }, texts);
    }

    [Fact]
    public async Task The_conversation_store_flow_walks_its_steps_and_ends()
    {
        await using var bot = await GuideBots.StartAsync(ConversationFlow.Register, Ct);
        var user = bot.Emulator.CreateUser("Olena");

        var texts = new List<string?>();
        foreach (var text in new[] { "Sign up", "Olena", "olena@example.com", "and now?" })
        {
            await user.SendTextAsync(text, Ct);
            texts.Add((await user.WaitForMessageAsync(cancellationToken: Ct)).Text);
        }

        Assert.Equal(
            new string?[] { "What is your name?", "Thanks, Olena. Your e-mail?", "Signed up Olena <olena@example.com>.", "Send \"sign up\" to start." },
            texts);
    }

    [Fact]
    public async Task The_routing_example_takes_each_message_by_the_first_route_that_matches()
    {
        var cart = new RecordingCart();
        await using var bot = await GuideBots.StartAsync(
            builder =>
            {
                builder.Services.AddSingleton<HandlersAndRouting.ICart>(cart);
                HandlersAndRouting.Register(builder);
            },
            Ct);
        var user = bot.Emulator.CreateUser("Olena");

        var texts = new List<string?>();
        foreach (var text in new[] { "ORDER 42", "add:tea", "checkout", "hello" })
        {
            await user.SendTextAsync(text, Ct);
            texts.Add((await user.WaitForMessageAsync(cancellationToken: Ct)).Text);
        }

        await user.SendPictureAsync("https://example.com/cat.jpg", cancellationToken: Ct);
        texts.Add((await user.WaitForMessageAsync(cancellationToken: Ct)).Text);

        Assert.Equal("Order 42 is on its way.", texts[0]);
        Assert.Equal("Added to your cart.", texts[1]);
        Assert.StartsWith("Paid ", texts[2], StringComparison.Ordinal);
        Assert.Equal("Send an order number (\"order 42\"), or tap a button.", texts[3]);
        Assert.Equal("Nice picture!", texts[4]);
        Assert.Equal(new[] { (user.Id, "tea") }, cart.Added);
    }

    private sealed class RecordingCart : HandlersAndRouting.ICart
    {
        public List<(string UserId, string Sku)> Added { get; } = [];

        public Task AddAsync(string userId, string sku, CancellationToken cancellationToken)
        {
            Added.Add((userId, sku));
            return Task.CompletedTask;
        }

        public Task<decimal> CheckoutAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(3.2m);
    }
}
