using System.Text.Json.Nodes;
using Viber.Api;
using Viber.Api.Requests;
using Viber.Emulator.Conversations;
using Viber.Emulator.Events;
using Viber.Emulator.Tests.Support;
using Viber.Emulator.Users;

namespace Viber.Emulator.Tests.Api;

/// <summary>Who send_message may reach, and when: 5, 6, the welcome window, 10, 13, 12, tokens and billing.</summary>
public sealed class SendMessageReceiverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unknown_receiver_gets_5()
    {
        await using var harness = await EmulatorHarness.StartAsync();

        var answer = await harness.SendTextAsync("jc9HsWTZ2Yf2NkRZ8KcNug==", "hi");

        Assert.Equal(ViberStatus.ReceiverNotRegistered, answer.Status);
        Assert.StartsWith("receiverNotRegistered", answer.StatusMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_who_never_opened_the_conversation_gets_6()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Bob");

        var answer = await harness.SendTextAsync(user.Id, "hi");

        Assert.Equal(ViberStatus.ReceiverNotSubscribed, answer.Status);
        Assert.Empty(user.Messages);
    }

    [Fact]
    public async Task One_welcome_message_is_allowed_within_5_minutes_of_conversation_started()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Bob");
        await user.OpenConversationAsync("promo", Ct);
        harness.Time.Advance(TimeSpan.FromMinutes(5));

        var welcome = await harness.SendTextAsync(user.Id, "welcome");
        var second = await harness.SendTextAsync(user.Id, "and another");

        Assert.Equal(ViberStatus.Ok, welcome.Status);
        Assert.Equal(BillingStatus.Default, (BillingStatus)welcome.Json.GetProperty("billing_status").GetInt32());
        Assert.Equal(ViberStatus.ReceiverNotSubscribed, second.Status);
        Assert.Equal("welcome", Assert.Single(user.Messages).Text);
    }

    [Fact]
    public async Task The_welcome_message_is_refused_after_5_minutes()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Bob");
        await user.OpenConversationAsync(cancellationToken: Ct);
        harness.Time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromMilliseconds(1));

        var answer = await harness.SendTextAsync(user.Id, "too late");

        Assert.Equal(ViberStatus.ReceiverNotSubscribed, answer.Status);
    }

    [Fact]
    public async Task Opening_the_conversation_again_allows_a_new_welcome_message()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Bob");
        await user.OpenConversationAsync(cancellationToken: Ct);
        await harness.SendTextAsync(user.Id, "first welcome");
        harness.Time.Advance(TimeSpan.FromHours(1));

        await user.OpenConversationAsync(cancellationToken: Ct);
        var answer = await harness.SendTextAsync(user.Id, "second welcome");

        Assert.Equal(ViberStatus.Ok, answer.Status);
    }

    [Fact]
    public async Task A_welcome_message_in_the_conversation_started_answer_is_delivered_and_uses_the_welcome()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Webhook.Respond = c => c.Event == "conversation_started"
            ? RecordingWebhook.Json(Fixtures.ReadJson("welcome_message_response_body.json").ToJsonString())
            : new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        var user = harness.Emulator.CreateUser("Bob");

        await user.OpenConversationAsync(cancellationToken: Ct);
        var message = await user.WaitForMessageAsync(cancellationToken: Ct);
        var afterwards = await harness.SendTextAsync(user.Id, "second welcome");

        Assert.Equal("Hello World", message.Text);
        Assert.Equal("Viber Bot", message.Sender?.Name);
        Assert.Equal(ChatMessageOrigin.WelcomeResponse, message.Origin);
        Assert.Equal(ViberStatus.ReceiverNotSubscribed, afterwards.Status);
        await harness.Emulator.WhenIdleAsync(Ct);
        Assert.Equal(message.MessageToken, Assert.Single(harness.Webhook.Of("delivered")).Callback.MessageToken);
    }

    [Theory]
    [InlineData("{\"type\":\"text\",\"text\":\"no sender\"}", ViberStatus.MissingData)]
    [InlineData("OK", ViberStatus.BadData)]
    [InlineData("{\"type\":\"text\",\"text\":\"hi\",\"sender\":{\"name\":\"Bot\"},\"min_api_version\":99}", ViberStatus.ApiVersionNotSupported)]
    public async Task An_invalid_welcome_message_body_is_dropped_and_reported(string body, ViberStatus status)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        harness.Webhook.Respond = c => c.Event == "conversation_started" ? RecordingWebhook.Json(body) : new HttpResponseMessage(System.Net.HttpStatusCode.OK);
        var user = harness.Emulator.CreateUser("Bob");

        var result = await user.OpenConversationAsync(cancellationToken: Ct);

        Assert.True(result.IsDelivered);
        Assert.Empty(user.Messages);
        var rejected = Assert.Single(harness.Emulator.Events.OfType<WelcomeMessageRejectedEvent>());
        Assert.Equal(status, rejected.Status);
        Assert.Equal(user.Id, rejected.UserId);
    }

    [Fact]
    public async Task Without_a_webhook_sending_gets_10()
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false);
        var user = harness.Emulator.CreateUser("Bob");

        var answer = await harness.SendTextAsync(user.Id, "hi");

        Assert.Equal(ViberStatus.WebhookNotSet, answer.Status);
    }

    [Fact]
    public async Task A_min_api_version_above_the_users_gets_13()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser(new EmulatedUserProfile { Name = "Old phone", ApiVersion = 3 });
        await user.SubscribeAsync(Ct);
        var message = Requests.Text(user.Id, "hi");
        message["min_api_version"] = 4;

        var answer = await harness.CallAsync(ViberApiMethods.SendMessage, message);

        Assert.Equal(ViberStatus.ApiVersionNotSupported, answer.Status);
    }

    [Fact]
    public async Task The_101st_message_within_an_hour_without_a_reply_gets_12_and_a_reply_resets_the_count()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(ViberStatus.Ok, (await harness.SendTextAsync(user.Id, "m" + i)).Status);
        }

        var refused = await harness.SendTextAsync(user.Id, "one too many");
        await user.SendTextAsync("I'm here", Ct);
        var afterReply = await harness.SendTextAsync(user.Id, "thanks");

        Assert.Equal(ViberStatus.TooManyRequests, refused.Status);
        Assert.Equal(ViberStatus.Ok, afterReply.Status);
        Assert.Equal(101, user.Messages.Count);
    }

    [Fact]
    public async Task The_hourly_count_slides_with_the_clock()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        for (var i = 0; i < 100; i++)
        {
            await harness.SendTextAsync(user.Id, "m" + i);
        }

        harness.Time.Advance(TimeSpan.FromMinutes(59));
        var stillRefused = await harness.SendTextAsync(user.Id, "x");
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        var allowed = await harness.SendTextAsync(user.Id, "y");

        Assert.Equal(ViberStatus.TooManyRequests, stillRefused.Status);
        Assert.Equal(ViberStatus.Ok, allowed.Status);
    }

    [Fact]
    public async Task Message_tokens_are_unique_64_bit_numbers()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();

        var tokens = new List<long>();
        for (var i = 0; i < 50; i++)
        {
            tokens.Add((await harness.SendTextAsync(user.Id, "m" + i)).MessageToken);
        }

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.All(tokens, token => Assert.True(token > (1L << 53), "Tokens are 19 digits, beyond a double's exact range."));
        Assert.Equal(tokens, user.Messages.Select(m => m.MessageToken));
    }

    [Fact]
    public async Task Billing_status_is_in_session_after_the_users_message_and_free_out_of_session_otherwise()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();

        var outOfSession = await harness.SendTextAsync(user.Id, "news");
        await user.SendTextAsync("question", Ct);
        var inSession = await harness.SendTextAsync(user.Id, "answer");
        harness.Time.Advance(TimeSpan.FromHours(25));
        var later = await harness.SendTextAsync(user.Id, "follow-up");

        Assert.Equal(BillingStatus.OutOfSessionFreeMessageNonBillableBot, (BillingStatus)outOfSession.Json.GetProperty("billing_status").GetInt32());
        Assert.Equal(BillingStatus.InSessionNonBillableBot, (BillingStatus)inSession.Json.GetProperty("billing_status").GetInt32());
        Assert.Equal(BillingStatus.OutOfSessionFreeMessageNonBillableBot, (BillingStatus)later.Json.GetProperty("billing_status").GetInt32());
    }

    [Fact]
    public async Task Unsubscribing_ends_the_welcome_window()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Bob");
        await user.OpenConversationAsync(cancellationToken: Ct);
        await user.SubscribeAsync(Ct);
        await user.UnsubscribeAsync(Ct);

        var goodbye = await harness.SendTextAsync(user.Id, "sorry to see you go");

        Assert.Equal(ViberStatus.ReceiverNotSubscribed, goodbye.Status);
        Assert.Empty(user.Messages);
    }

    [Fact]
    public async Task An_unsubscribed_user_gets_6_again()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();
        await user.UnsubscribeAsync(Ct);

        var answer = await harness.SendTextAsync(user.Id, "hi");

        Assert.Equal(ViberStatus.ReceiverNotSubscribed, answer.Status);
        Assert.Equal(user.Id, Assert.Single(harness.Webhook.Of("unsubscribed")).Callback is Viber.Api.Callbacks.UnsubscribedCallback u ? u.UserId : null);
    }

    [Fact]
    public async Task The_answer_has_Vibers_envelope()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = await harness.SubscribedUserAsync();

        var answer = await harness.CallAsync(ViberApiMethods.SendMessage, new JsonObject
        {
            ["receiver"] = user.Id,
            ["type"] = "text",
            ["text"] = "hi",
            ["sender"] = Requests.Sender,
        });

        Assert.Equal(0, answer.Json.GetProperty("status").GetInt32());
        Assert.Equal("ok", answer.StatusMessage);
        Assert.True(answer.Json.TryGetProperty("chat_hostname", out _));
        Assert.True(answer.Json.GetProperty("message_token").GetInt64() > 0);
    }
}
