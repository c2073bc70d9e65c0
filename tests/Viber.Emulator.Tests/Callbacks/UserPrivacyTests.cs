using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Emulator.Tests.Support;
using Viber.Emulator.Users;

namespace Viber.Emulator.Tests.Callbacks;

/// <summary>set_webhook's send_name and send_photo: without them callbacks carry placeholders.</summary>
public sealed class UserPrivacyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<ViberUser>> UsersInCallbacksAsync(bool? sendName, bool? sendPhoto, Action<ViberEmulatorOptions>? configure = null)
    {
        await using var harness = await EmulatorHarness.StartAsync(setWebhook: false, configure);
        await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(EmulatorHarness.WebhookUrl, sendName: sendName, sendPhoto: sendPhoto));
        var user = harness.Emulator.CreateUser(new EmulatedUserProfile { Name = "Ann Lee", Avatar = "https://example.com/ann.png", Country = "PL", Language = "pl", ApiVersion = 8 });
        await user.OpenConversationAsync(cancellationToken: Ct);
        await user.SubscribeAsync(Ct);
        await user.SendTextAsync("hi", Ct);
        return [.. harness.Webhook.Received.Select(c => c.Callback switch
        {
            ConversationStartedCallback started => started.User!,
            SubscribedCallback subscribed => subscribed.User!,
            MessageCallback message => message.Sender!,
            _ => null,
        }).OfType<ViberUser>()];
    }

    [Fact]
    public async Task With_send_name_and_send_photo_callbacks_carry_the_real_profile()
    {
        var users = await UsersInCallbacksAsync(sendName: true, sendPhoto: true);

        Assert.Equal(3, users.Count);
        Assert.All(users, u =>
        {
            Assert.Equal("Ann Lee", u.Name);
            Assert.Equal("https://example.com/ann.png", u.Avatar);
            Assert.Equal("PL", u.Country);
            Assert.Equal("pl", u.Language);
            Assert.Equal(8, u.ApiVersion);
        });
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(null, null)]
    public async Task Without_them_callbacks_carry_placeholders(bool? sendName, bool? sendPhoto)
    {
        var users = await UsersInCallbacksAsync(sendName, sendPhoto);

        Assert.Equal(3, users.Count);
        Assert.All(users, u =>
        {
            Assert.Equal("Subscriber", u.Name);
            Assert.Null(u.Avatar);
            Assert.Equal("PL", u.Country);
        });
    }

    [Fact]
    public async Task Name_and_photo_are_independent_and_placeholders_configurable()
    {
        var users = await UsersInCallbacksAsync(sendName: false, sendPhoto: true, o => o.PlaceholderUserName = "Viber user");

        Assert.All(users, u =>
        {
            Assert.Equal("Viber user", u.Name);
            Assert.Equal("https://example.com/ann.png", u.Avatar);
        });
    }
}
