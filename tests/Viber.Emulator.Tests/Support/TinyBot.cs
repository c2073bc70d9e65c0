using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Signatures;

namespace Viber.Emulator.Tests.Support;

/// <summary>
/// A tiny echo bot in plain ASP.NET Core: a RequestDelegate webhook that checks both signatures with
/// ViberSignature, answers conversation_started with a welcome message in the body, and echoes text with a keyboard
/// and tracking data. It reads <c>Viber:AuthToken</c>, <c>Viber:ApiBaseUrl</c> (absolute, or relative to its own
/// address) and <c>Viber:WebhookUrl</c> (default: its own address + <see cref="WebhookPath"/>).
/// </summary>
/// <remarks>
/// It posts the Bot API JSON itself with an IHttpClientFactory client, on purpose: these tests check the emulator's
/// raw answers (status codes, status messages) independently of ViberBotClient's own validation and exceptions.
/// The library's client runs against the emulator in tests/Viber.AspNetCore.Tests (EchoBotOnEmulatorTests).
/// </remarks>
internal static class TinyBot
{
    public const string WebhookPath = "/viber/webhook";
    // The name AddViberBot gives its client: the emulator hosting extensions route only that client to the fake API.
    public const string ClientName = Viber.Api.ViberBotClient.HttpClientName;
    public const string Welcome = "Welcome to TinyBot!";

    public static IServiceCollection AddTinyBot(this IServiceCollection services)
    {
        services.AddSingleton<TinyBotState>();
        services.AddHttpClient(ClientName);
        services.AddHostedService<TinyBotRegistration>();
        return services;
    }

    public static IEndpointConventionBuilder MapTinyBot(this IEndpointRouteBuilder endpoints)
        => endpoints.MapPost(WebhookPath, HandleAsync);

    public static JsonObject EchoOf(string receiver, string text) => new()
    {
        ["receiver"] = receiver,
        ["type"] = "text",
        ["text"] = "echo: " + text,
        ["sender"] = new JsonObject { ["name"] = "TinyBot" },
        ["tracking_data"] = "after:" + text,
        ["keyboard"] = Requests.Keyboard("yes", "no"),
    };

    public static async Task<ApiAnswer> CallApiAsync(IServiceProvider services, string method, JsonObject body, CancellationToken cancellationToken)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        var apiBase = new Uri(OwnAddress(services), configuration["Viber:ApiBaseUrl"] ?? ViberApiMethods.DefaultBaseAddress);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiBase, method)) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(ViberApiMethods.AuthTokenHeader, configuration["Viber:AuthToken"]);
        using var response = await client.SendAsync(request, cancellationToken);
        var json = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new ApiAnswer((int)response.StatusCode, JsonDocument.Parse(json).RootElement.Clone());
    }

    public static Uri OwnAddress(IServiceProvider services)
    {
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return new Uri((address ?? "http://localhost").TrimEnd('/') + "/");
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var state = services.GetRequiredService<TinyBotState>();
        var token = services.GetRequiredService<IConfiguration>()["Viber:AuthToken"]!;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();

        var header = ViberSignature.Verify(body, context.Request.Headers[ViberApiMethods.SignatureHeader].ToString(), token);
        var query = ViberSignature.Verify(body, context.Request.Query["sig"].ToString(), token);
        var received = new ReceivedCallback(new Uri(context.Request.GetEncodedUrl()), body, context.Request.Headers[ViberApiMethods.SignatureHeader].ToString());
        var status = header != SignatureVerificationResult.Valid || query != SignatureVerificationResult.Valid ? StatusCodes.Status403Forbidden
            : state.ConsumeFailure() ? StatusCodes.Status500InternalServerError
            : StatusCodes.Status200OK;
        state.Callbacks.Enqueue(new BotCallback(received, header, query, status));
        context.Response.StatusCode = status;
        if (status != StatusCodes.Status200OK)
        {
            return;
        }

        switch (received.Callback)
        {
            case ConversationStartedCallback:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(
                    new JsonObject { ["type"] = "text", ["text"] = Welcome, ["sender"] = new JsonObject { ["name"] = "TinyBot" } }.ToJsonString(),
                    context.RequestAborted);
                break;
            case MessageCallback { Message: TextMessage text, Sender.Id: { } sender }:
                state.SendAnswers.Enqueue(await CallApiAsync(services, ViberApiMethods.SendMessage, EchoOf(sender, text.Text!), context.RequestAborted));
                break;
        }
    }
}
