using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Signatures;
using Viber.AspNetCore;

/// <summary>
/// Runs a real webhook (AddViberBot + MapViberWebhook on Kestrel) in the AOT binary and posts to it: a handler, an
/// action route replying through the context, and the sender taken from get_account_info at start.
/// </summary>
internal static class WebhookSmoke
{
    private const string Token = "aot-smoke-token";

    public static async Task<IReadOnlyList<string>> RunAsync()
    {
        var failures = new List<string>();
        var received = new TaskCompletionSource<MessageCallback>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var viber = new SmokeViberClient();
        builder.Services.AddViberBot(options =>
        {
            options.AuthToken = Token;
            options.RegisterWebhook = false;
        }).OnMessage((callback, _, _) =>
        {
            received.TrySetResult(callback);
            return Task.CompletedTask;
        })
            .OnAction("buy:{sku}", context => context.ReplyAsync("bought " + context["sku"]))
            .OnText(new System.Text.RegularExpressions.Regex("^add (?<a>[0-9]+)$"), context => context.ReplyAsync("added " + context["a"]))
            .AddEventHandler<SmokeDeliveredHandler>();
        builder.Services.AddSingleton<IViberBotClient>(viber);
        var deliveries = new SmokeDeliveries();
        builder.Services.AddSingleton(deliveries);

        await using var app = builder.Build();
        app.MapViberWebhook();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        // A current timestamp: the webhook ignores callbacks older than its deduplication window as replays.
        var body = System.Text.Encoding.UTF8.GetBytes($$$"""{"event":"message","timestamp":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}},"message_token":42,"sender":{"id":"u1"},"message":{"type":"text","text":"aot"}}""");
        var signed = await PostAsync(http, body, ViberSignature.Compute(body, Token));
        var unsigned = await PostAsync(http, body, "0" + new string('a', 63));
        var callback = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var tap = System.Text.Encoding.UTF8.GetBytes($$$"""{"event":"message","timestamp":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}},"message_token":43,"sender":{"id":"u1"},"message":{"type":"text","text":"buy:42"}}""");
        var routed = await PostAsync(http, tap, ViberSignature.Compute(tap, Token));
        await viber.FirstSend.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var deliveredBody = System.Text.Encoding.UTF8.GetBytes($$$"""{"event":"delivered","timestamp":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}},"message_token":44,"user_id":"u1"}""");
        var delivered = await PostAsync(http, deliveredBody, ViberSignature.Compute(deliveredBody, Token));
        var (deliveredCallback, handlerClient) = await deliveries.Received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var reply = viber.Sent.TryPeek(out var first) ? first as Viber.Api.Messages.TextMessage : null;

        Check(signed == HttpStatusCode.OK, $"signed callback answered {signed}");
        Check(unsigned == HttpStatusCode.Unauthorized, $"bad signature answered {unsigned}");
        Check(callback.Message is Viber.Api.Messages.TextMessage { Text: "aot" }, "handler received the message");
        Check(routed == HttpStatusCode.OK, $"routed callback answered {routed}");
        Check(reply is { Text: "bought 42", Receiver: "u1" }, $"the action route replied '{reply?.Text}' to '{reply?.Receiver}'");
        Check(delivered == HttpStatusCode.OK, $"delivered callback answered {delivered}");
        Check(deliveredCallback is { MessageToken: 44, UserId: "u1" }, "the handler class received the delivered callback");
        Check(ReferenceEquals(handlerClient, viber), "the handler class was built with the app's client");
        Check(reply?.Sender?.Name == SmokeViberClient.AccountName, $"the reply's sender is '{reply?.Sender?.Name}', not the account's name");
        await app.StopAsync();
        return failures;

        void Check(bool condition, string what)
        {
            if (!condition)
            {
                failures.Add(what);
            }
        }
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, byte[] body, string signature)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/viber/webhook") { Content = content };
        request.Headers.Add(ViberApiMethods.SignatureHeader, signature);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
