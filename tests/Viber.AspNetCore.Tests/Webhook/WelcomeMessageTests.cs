using System.Net;
using System.Text.Json;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Webhook;

/// <summary>conversation_started answered with a welcome message: in the response body, or with send_message.</summary>
public sealed class WelcomeMessageTests
{
    private static void SenderFromOptions(ViberBotOptions options)
    {
        options.Sender.Name = "Welcome Bot";
        options.Sender.Avatar = "https://example.com/avatar.jpg";
    }

    [Fact]
    public async Task A_returned_welcome_message_is_the_200_body_in_send_message_shape_without_receiver()
    {
        await using var bot = await TestBot.StartAsync(
            options: SenderFromOptions,
            bot: b => b.OnConversationStarted((c, _, _) => Task.FromResult<ViberMessage?>(new TextMessage
            {
                Receiver = "ignored",
                Text = "Hello " + c.User!.Name,
                TrackingData = "t-1",
            })));

        using var response = await bot.PostAsync(Callbacks.ConversationStarted(name: "Ann"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var root = json.RootElement;
        Assert.Equal("text", root.GetProperty("type").GetString());
        Assert.Equal("Hello Ann", root.GetProperty("text").GetString());
        Assert.Equal("t-1", root.GetProperty("tracking_data").GetString());
        Assert.Equal("Welcome Bot", root.GetProperty("sender").GetProperty("name").GetString());
        Assert.Equal("https://example.com/avatar.jpg", root.GetProperty("sender").GetProperty("avatar").GetString());
        Assert.False(root.TryGetProperty("receiver", out _));
    }

    [Fact]
    public async Task A_sender_on_the_message_wins_over_the_configured_one()
    {
        await using var bot = await TestBot.StartAsync(
            options: SenderFromOptions,
            bot: b => b.OnConversationStarted((_, _, _) => Task.FromResult<ViberMessage?>(new TextMessage { Text = "hi", Sender = new ViberSender("Own Name") })));

        using var response = await bot.PostAsync(Callbacks.ConversationStarted());

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Own Name", json.RootElement.GetProperty("sender").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Concurrent_conversations_each_get_their_own_welcome_body()
    {
        await using var bot = await TestBot.StartAsync(
            options: SenderFromOptions,
            bot: b => b.AddEventHandler<PersonalWelcomeHandler>());
        var names = Enumerable.Range(0, 50).Select(i => $"user {i}").ToList();

        var responses = await Task.WhenAll(names.Select(name => bot.PostAsync(Callbacks.ConversationStarted(userId: name, name: name))));

        for (var i = 0; i < names.Count; i++)
        {
            using var json = JsonDocument.Parse(await responses[i].Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal($"Welcome, {names[i]}!", json.RootElement.GetProperty("text").GetString());
            responses[i].Dispose();
        }
    }

    [Fact]
    public async Task A_retried_conversation_started_gets_no_second_welcome()
    {
        await using var bot = await TestBot.StartAsync(options: SenderFromOptions, bot: b => b.AddEventHandler<PersonalWelcomeHandler>());
        var body = Callbacks.Json(Callbacks.ConversationStarted());

        using var first = await bot.PostAsync(body);
        using var retry = await bot.PostAsync(body);

        Assert.NotEmpty(await first.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Empty(await retry.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_first_welcome_message_wins_and_the_other_is_logged()
    {
        await using var bot = await TestBot.StartAsync(
            options: SenderFromOptions,
            bot: b => b
                .OnConversationStarted((_, _, _) => Task.FromResult<ViberMessage?>(new TextMessage { Text = "first" }))
                .OnConversationStarted((_, _, _) => Task.FromResult<ViberMessage?>(new TextMessage { Text = "second" })));

        using var response = await bot.PostAsync(Callbacks.ConversationStarted());

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("first", json.RootElement.GetProperty("text").GetString());
        Assert.Single(bot.Logs.WithEvent("WelcomeMessageIgnored"));
    }

    [Fact]
    public async Task No_welcome_message_means_an_empty_200()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.OnConversationStarted((_, _, _) => Task.FromResult<ViberMessage?>(null)));

        using var response = await bot.PostAsync(Callbacks.ConversationStarted());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_welcome_message_without_a_configured_sender_is_sent_as_the_account()
    {
        // No Viber:Sender:Name: the sender comes from get_account_info at start (the fake answers "Test Bot").
        await using var bot = await TestBot.StartAsync(bot: b => b.OnConversationStarted((_, _, _) => Task.FromResult<ViberMessage?>(new TextMessage { Text = "hi" })));

        using var response = await bot.PostAsync(Callbacks.ConversationStarted());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Test Bot", json.RootElement.GetProperty("sender").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_handler_can_send_the_welcome_with_send_message_instead()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.On<ConversationStartedCallback, Viber.Api.IViberBotClient>(
            (c, viber, ct) => viber.SendMessageAsync(new TextMessage { Receiver = c.User!.Id, Text = "Welcome!" }, ct)));

        using var response = await bot.PostAsync(Callbacks.ConversationStarted(userId: "new-user"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var sent = Assert.IsType<TextMessage>(Assert.Single(bot.Viber.Sent));
        Assert.Equal("new-user", sent.Receiver);
        Assert.Equal("Welcome!", sent.Text);
    }

    private sealed class PersonalWelcomeHandler : IViberConversationStartedHandler
    {
        public async Task<ViberMessage?> HandleAsync(ConversationStartedCallback callback, CancellationToken cancellationToken)
        {
            // Yield so concurrent callbacks interleave.
            await Task.Yield();
            return new TextMessage { Text = $"Welcome, {callback.User!.Name}!" };
        }
    }
}
