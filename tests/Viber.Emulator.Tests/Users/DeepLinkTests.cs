using Viber.Api.Callbacks;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Users;

/// <summary>A user taps a deep link: the conversation opens with the link's unescaped context.</summary>
public sealed class DeepLinkTests
{
    [Fact]
    public async Task The_links_escaped_context_arrives_unescaped_in_conversation_started()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Ann");

        await user.OpenDeepLinkAsync("viber://pa?chatURI=" + harness.Emulator.Account.Uri + "&context=a%26b%3Dc%20%D0%B6&text=Hi", TestContext.Current.CancellationToken);

        var started = Assert.IsType<ConversationStartedCallback>(Assert.Single(harness.Webhook.Of(ConversationStartedCallback.EventName)).Callback);
        Assert.Equal("a&b=c ж", started.Context);
        Assert.Equal(user.Id, started.User?.Id);
    }

    [Fact]
    public async Task A_link_without_context_opens_the_conversation_without_one()
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Ann");

        await user.OpenDeepLinkAsync("viber://pa?chatURI=" + harness.Emulator.Account.Uri, TestContext.Current.CancellationToken);

        var started = Assert.IsType<ConversationStartedCallback>(Assert.Single(harness.Webhook.Of(ConversationStartedCallback.EventName)).Callback);
        Assert.Null(started.Context);
    }

    [Theory]
    [InlineData("https://example.com/?chatURI=emulatedbot")]
    [InlineData("viber://pa/info?uri=emulatedbot")]
    [InlineData("viber://pa?context=x")]
    [InlineData("not a link")]
    public async Task Anything_but_a_conversation_link_to_this_bot_is_refused_and_sends_nothing(string link)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var user = harness.Emulator.CreateUser("Ann");

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => user.OpenDeepLinkAsync(link, TestContext.Current.CancellationToken));

        Assert.Equal("deepLink", exception.ParamName);
        Assert.Empty(harness.Webhook.Of(ConversationStartedCallback.EventName));
    }
}
