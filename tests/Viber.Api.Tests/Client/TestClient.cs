using Microsoft.Extensions.Time.Testing;
using Viber.Api.Messages;
using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

/// <summary>Builds a <see cref="ViberBotClient"/> over a <see cref="RecordingHandler"/> with a fake clock.</summary>
internal static class TestClient
{
    public const string Token = "4453b6ac12345678-e02c1b6ac2e3bb4c-secret";

    public static readonly Uri BaseAddress = new("https://viber.test/pa/");

    public static ViberSender DefaultSender => new("Default Bot", "https://example.com/bot.png");

    public static ViberBotClient Create(RecordingHandler handler, Action<ViberBotClientOptions>? configure = null, TimeProvider? timeProvider = null)
        => new(new HttpClient(handler), Options(configure), timeProvider ?? new FakeTimeProvider());

    public static ViberBotClientOptions Options(Action<ViberBotClientOptions>? configure = null)
    {
        var options = new ViberBotClientOptions
        {
            AuthToken = Token,
            BaseAddress = BaseAddress,
            DefaultSender = DefaultSender,

            // Retries without backoff keep tests that are not about time free of clock work.
            RetryBaseDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return options;
    }

    public static string Ok(string extra = "") => $$"""{"status":0,"status_message":"ok"{{extra}}}""";

    public static string SendOk(long token = 1234567890) => Ok($$""","message_token":{{token}}""");

    public static string Failure(int status, string message) => $$"""{"status":{{status}},"status_message":"{{message}}"}""";

    public static TextMessage Text(string? receiver = "user-1", string text = "Hello") => new() { Receiver = receiver, Text = text };
}
