using Microsoft.Extensions.Time.Testing;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Signatures;
using Viber.Emulator.Tests.Callbacks;
using Viber.Emulator.Conversations;
using Viber.Emulator.Tests.Support;
using Viber.Emulator.Users;

namespace Viber.Emulator.Tests.Hosting;

/// <summary>User flows against a real bot (plain ASP.NET Core), in-process and over real Kestrel on 127.0.0.1.</summary>
public sealed class EndToEndTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Transports => BotUnderTest.Transports;

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task A_user_chats_with_the_bot(string transport)
    {
        await using var emulator = new ViberEmulator();
        await using var bot = await BotUnderTest.StartAsync(transport, emulator);
        var registration = await bot.State.Registration.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(ViberStatus.Ok, registration.Status);
        Assert.EndsWith(TinyBot.WebhookPath, (await emulator.WaitForWebhookAsync(cancellationToken: Ct)).AbsolutePath, StringComparison.Ordinal);
        var user = emulator.CreateUser(new EmulatedUserProfile { Name = "Ann", Devices = 2 });

        await user.OpenConversationAsync("from-e2e", Ct);
        var welcome = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SubscribeAsync(Ct);
        await user.SendTextAsync("hi", Ct);
        var echo = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapKeyboardButtonAsync("yes", Ct);
        var tapEcho = await user.WaitForMessageAsync(cancellationToken: Ct);
        await emulator.WhenIdleAsync(Ct);
        await user.ReadAsync(Ct);

        Assert.Equal(TinyBot.Welcome, welcome.Text);
        Assert.Equal(ChatMessageOrigin.WelcomeResponse, welcome.Origin);
        Assert.Equal("echo: hi", echo.Text);
        Assert.Equal("TinyBot", echo.Sender?.Name);
        Assert.Equal("echo: yes", tapEcho.Text);
        var callbacks = bot.State.Callbacks.ToList();
        Assert.All(callbacks, c =>
        {
            Assert.Equal(SignatureVerificationResult.Valid, c.HeaderSignature);
            Assert.Equal(SignatureVerificationResult.Valid, c.QuerySignature);
        });
        var started = (ConversationStartedCallback)callbacks.Single(c => c.Received.Event == "conversation_started").Received.Callback;
        Assert.Equal("from-e2e", started.Context);
        var tap = callbacks.Select(c => c.Received.Callback).OfType<MessageCallback>().Single(m => m.Message is TextMessage { Text: "yes" });
        Assert.Equal("after:hi", tap.Message!.TrackingData);
        Assert.Equal(2, callbacks.Count(c => c.Received.Event == "delivered" && c.Received.Callback.MessageToken == echo.MessageToken));
        var seen = Assert.Single(callbacks, c => c.Received.Event == "seen");
        Assert.Equal(tapEcho.MessageToken, seen.Received.Callback.MessageToken);
        Assert.All(bot.State.SendAnswers, a => Assert.Equal(ViberStatus.Ok, a.Status));
        Assert.All(user.Messages, m => Assert.Equal(DeliveryState.Seen, m.State));
    }

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Callbacks_the_bot_fails_are_retried_with_growing_intervals(string transport)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = new ViberEmulator(timeProvider: time);
        await using var bot = await BotUnderTest.StartAsync(transport, emulator);
        await bot.State.Registration.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var user = emulator.CreateUser("Ann");
        await user.SubscribeAsync(Ct);
        bot.State.FailNext(2);

        var sending = user.SendTextAsync("flaky", Ct);
        var delays = await RetryTests.DriveRetriesAsync(emulator, time, sending);
        var result = await sending;
        var echo = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.True(result.IsDelivered);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(2, delays.Count);
        Assert.True(delays[0] < delays[1]);
        Assert.Equal([500, 500, 200], bot.State.Callbacks.Where(c => c.Received.Event == "message").Select(c => c.AnsweredStatus));
        Assert.Equal("echo: flaky", echo.Text);
    }
}
