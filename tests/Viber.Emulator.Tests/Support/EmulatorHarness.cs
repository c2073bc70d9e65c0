using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Viber.Api;
using Viber.Emulator.Users;

namespace Viber.Emulator.Tests.Support;

/// <summary>
/// An emulator on a fake clock, with a recording webhook as the bot's side and an HttpClient to the fake API
/// (in-process). Most rule tests need nothing more.
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string Token = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";
    public const string WebhookUrl = "https://bot.example.com/viber/webhook";

    private EmulatorHarness(Action<ViberEmulatorOptions>? configure, FakeTimeProvider? time)
    {
        Time = time ?? new(Start);
        var options = new ViberEmulatorOptions { AuthToken = Token };
        configure?.Invoke(options);
        Emulator = new ViberEmulator(options, Time);
        Emulator.UseCallbackHandler(() => Webhook);
        Http = new HttpClient(Emulator.CreateApiHandler()) { BaseAddress = new Uri("http://localhost/pa/") };
    }

    /// <summary>Gets when the harness's clock starts.</summary>
    public static DateTimeOffset Start => new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }

    public RecordingWebhook Webhook { get; } = new();

    public ViberEmulator Emulator { get; }

    public HttpClient Http { get; }

    public static async Task<EmulatorHarness> StartAsync(bool setWebhook = true, Action<ViberEmulatorOptions>? configure = null, FakeTimeProvider? time = null)
    {
        var harness = new EmulatorHarness(configure, time);
        if (setWebhook)
        {
            var answer = await harness.CallAsync(ViberApiMethods.SetWebhook, Requests.Webhook(WebhookUrl));
            Assert.Equal(ViberStatus.Ok, answer.Status);
        }

        return harness;
    }

    public Task<ApiAnswer> CallAsync(string method, JsonNode body, string? token = Token)
        => CallAsync(method, body.ToJsonString(), token);

    public async Task<ApiAnswer> CallAsync(string method, string body, string? token = Token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (token is not null)
        {
            request.Headers.Add(ViberApiMethods.AuthTokenHeader, token);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var json = bytes.Length == 0 ? default : JsonDocument.Parse(bytes).RootElement.Clone();
        return new ApiAnswer((int)response.StatusCode, json);
    }

    /// <summary>The status a fresh emulator (webhook set) answers to one call.</summary>
    public static async Task<ViberStatus> StatusOfAsync(string method, string body)
    {
        await using var harness = await StartAsync();
        return (await harness.CallAsync(method, body)).Status;
    }

    public Task<ApiAnswer> SendTextAsync(string? receiver, string text) => CallAsync(ViberApiMethods.SendMessage, Requests.Text(receiver, text));

    /// <summary>A user who opened the conversation and subscribed, as most send tests need.</summary>
    public async Task<EmulatedUser> SubscribedUserAsync(string name = "Alice", int devices = 1)
    {
        var user = Emulator.CreateUser(new EmulatedUserProfile { Name = name, Devices = devices, Avatar = "https://example.com/" + name + ".png" });
        await user.SubscribeAsync(TestContext.Current.CancellationToken);
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
