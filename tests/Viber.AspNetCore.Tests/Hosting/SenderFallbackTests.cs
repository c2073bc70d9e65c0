using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.AspNetCore.Hosting;
using Viber.AspNetCore.Tests.Support;
using Viber.Testing;

namespace Viber.AspNetCore.Tests.Hosting;

/// <summary>
/// Without <c>Viber:Sender:Name</c> the bot takes the account's name and icon from get_account_info when it starts;
/// with neither it refuses to start, naming the key (before, it started and answered 500 to every message).
/// </summary>
public sealed class SenderFallbackTests
{
    private static Func<CancellationToken, Task<GetAccountInfoResponse>> Account(string? name, string? icon = null)
        => _ => Task.FromResult(new GetAccountInfoResponse { Status = ViberStatus.Ok, StatusMessage = "ok", Id = "pa:1", Name = name, Icon = icon });

    [Fact]
    public async Task Without_a_configured_name_replies_are_sent_as_the_account_with_its_icon()
    {
        await using var bot = await TestBot.StartAsync(
            bot: b => b.OnText("hi", context => context.ReplyAsync("hello")),
            viber: fake => fake.OnGetAccountInfo = Account("Pizza Place", "https://example.com/pizza.png"));

        using var response = await bot.PostAsync(Callbacks.Text("hi"));
        var reply = Assert.Single(bot.Viber.Sent);

        Assert.Equal(("Pizza Place", "https://example.com/pizza.png"), (reply.Sender?.Name, reply.Sender?.Avatar));
        var clientSender = bot.Services.GetRequiredService<IOptions<ViberBotClientOptions>>().Value.DefaultSender;
        Assert.Equal("Pizza Place", clientSender?.Name);
        Assert.Contains("Viber:Sender:Name", Assert.Single(bot.Logs.WithEvent("SenderFromAccount")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_account_name_is_cut_to_Vibers_sender_limit_and_an_icon_that_is_no_url_is_left_out()
    {
        await using var bot = await TestBot.StartAsync(viber: fake => fake.OnGetAccountInfo = Account(new string('n', 40), "not a url"));

        var sender = bot.Services.GetRequiredService<IOptions<ViberBotClientOptions>>().Value.DefaultSender;

        Assert.Equal(new string('n', ViberSender.MaxNameLength), sender?.Name);
        Assert.Null(sender?.Avatar);
    }

    [Fact]
    public void Cutting_a_name_never_splits_a_surrogate_pair()
    {
        var name = new string('a', ViberSender.MaxNameLength - 1) + "😀tail";

        var cut = ViberSenderFallbackService.Shorten(name);

        Assert.Equal(new string('a', ViberSender.MaxNameLength - 1), cut);
    }

    [Fact]
    public async Task A_configured_name_wins_and_get_account_info_is_not_called()
    {
        var calls = 0;
        await using var bot = await TestBot.StartAsync(
            options: o => o.Sender.Name = "Configured",
            viber: fake => fake.OnGetAccountInfo = _ =>
            {
                Interlocked.Increment(ref calls);
                return Account("Account")(default);
            });

        Assert.Equal("Configured", bot.Services.GetRequiredService<IOptions<ViberBotClientOptions>>().Value.DefaultSender?.Name);
        Assert.Equal(0, Volatile.Read(ref calls));
    }

    [Fact]
    public async Task An_account_without_a_name_stops_the_start_naming_the_key()
    {
        var error = await StartFailsAsync(fake => fake.OnGetAccountInfo = Account("  "));

        Assert.Contains("Viber:Sender:Name is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("has no name", error.Message, StringComparison.Ordinal);
        Assert.Contains("Viber__Sender__Name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_get_account_info_stops_the_start_with_Vibers_answer_and_the_key()
    {
        var error = await StartFailsAsync(fake => fake.OnGetAccountInfo = _ =>
            Task.FromException<GetAccountInfoResponse>(new ViberApiException(ViberApiMethods.GetAccountInfo, ViberStatus.InvalidAuthToken, "invalidAuthToken")));

        Assert.Contains("Viber:Sender:Name", error.Message, StringComparison.Ordinal);
        Assert.Contains("get_account_info", error.Message, StringComparison.Ordinal);
        Assert.IsType<ViberApiException>(error.InnerException);
        Assert.DoesNotContain(TestBot.Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_Bot_API_stops_the_start_through_the_real_client()
    {
        // A port nothing listens on, and no retries: the call fails at once for good.
        var error = await StartFailsAsync(
            fake: null,
            options: o => o.ApiBaseUrl = $"http://127.0.0.1:{FreePort.Next()}/pa/",
            services: s => s.Configure<ViberBotClientOptions>(o => o.MaxRetryAttempts = 0));

        Assert.Contains("Viber:Sender:Name", error.Message, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task Through_the_real_client_the_sender_is_the_name_a_Bot_API_server_gives()
    {
        await using var viber = await FakeViberServer.StartAsync(TestBot.Token);
        await using var bot = await TestBot.StartAsync(options: o => o.ApiBaseUrl = viber.BaseAddress.ToString(), fakeClient: false);

        Assert.Equal(FakeViberServer.AccountName, bot.Services.GetRequiredService<IOptions<ViberBotClientOptions>>().Value.DefaultSender?.Name);

        // The app's one client made the get_account_info call before the name was known; its sends carry the name now.
        var sent = await bot.Services.GetRequiredService<IViberBotClient>().SendMessageAsync(
            new TextMessage { Receiver = "01234567890A=", Text = "hello" }, TestContext.Current.CancellationToken);
        Assert.Equal(ViberStatus.Ok, sent.Status);
    }

    private static async Task<InvalidOperationException> StartFailsAsync(
        Action<RecordingViberBotClient>? fake,
        Action<ViberBotOptions>? options = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.Services.AddViberBot(o =>
        {
            o.AuthToken = TestBot.Token;
            o.RegisterWebhook = false;
            options?.Invoke(o);
        });
        if (fake is not null)
        {
            var client = new RecordingViberBotClient();
            fake(client);
            builder.Services.AddSingleton<IViberBotClient>(client);
        }

        services?.Invoke(builder.Services);
        await using var app = builder.Build();
        app.MapViberWebhook();
        return await Assert.ThrowsAsync<InvalidOperationException>(
            () => app.StartAsync(TestContext.Current.CancellationToken).WaitAsync(Waits.Timeout, TestContext.Current.CancellationToken));
    }
}
