using Viber.Api.Messages;
using Viber.Api.Requests;
using Viber.Api.Tests.Client;
using Viber.Api.Tests.Support;
using Viber.Api.Validation;

namespace Viber.Api.Tests.Validation;

/// <summary>
/// Every place the client accepts an http(s) URL gives the same answer as <see cref="HttpUrl"/>, so a URL cannot
/// pass one check and fail another.
/// </summary>
public sealed class HttpUrlTests
{
    public static TheoryData<string, bool> Urls => new()
    {
        { "https://bot.example.com/viber/webhook", true },
        { "http://localhost:5000/viber/webhook", true },
        { "HTTPS://BOT.EXAMPLE.COM/", true },
        { "https://bot.example.com:8443/a?b=c", true },

        // On Unix "/hook" parses as an absolute file:// URI; only the scheme check refuses it.
        { "/hook", false },
        { "hook", false },
        { "bot.example.com/hook", false },
        { "ftp://bot.example.com/hook", false },
        { "file:///tmp/hook", false },
        { "viber://pa?chatURI=bot", false },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void The_string_and_uri_overloads_agree(string url, bool expected)
    {
        Assert.Equal(expected, HttpUrl.IsAbsoluteHttp(url));
        Assert.Equal(expected, HttpUrl.TryParse(url, out var parsed));
        Assert.Equal(expected, HttpUrl.IsAbsoluteHttp(parsed ?? new Uri(url, UriKind.RelativeOrAbsolute)));
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task Set_webhook_accepts_exactly_the_http_urls(string url, bool expected)
    {
        var handler = RecordingHandler.AlwaysJson(TestClient.Ok());
        using var client = TestClient.Create(handler);

        var error = await Record.ExceptionAsync(() => client.SetWebhookAsync(new SetWebhookRequest { Url = url }, TestContext.Current.CancellationToken));

        Assert.Equal(expected, error is null);
        Assert.Equal(expected ? 1 : 0, handler.Requests.Count);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public void The_client_base_address_accepts_exactly_the_http_urls(string url, bool expected)
    {
        var options = TestClient.Options(o => o.BaseAddress = new Uri(url, UriKind.RelativeOrAbsolute));

        var error = Record.Exception(() => new ViberBotClient(new HttpClient(), options).Dispose());

        Assert.Equal(expected, error is null);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public void The_message_rules_accept_exactly_the_http_urls(string url, bool expected)
    {
        var avatar = new TextMessage { Receiver = "u", Sender = new ViberSender("Bot", url), Text = "hi" };
        var thumbnail = new VideoMessage { Receiver = "u", Sender = new ViberSender("Bot"), Media = "https://example.com/v.mp4", Size = 1, Thumbnail = url };

        Assert.Equal(expected, Record.Exception(() => ViberMessageValidator.Validate(avatar, ViberMessagePurpose.SendMessage)) is null);
        Assert.Equal(expected, Record.Exception(() => ViberMessageValidator.Validate(thumbnail, ViberMessagePurpose.SendMessage)) is null);
    }
}
