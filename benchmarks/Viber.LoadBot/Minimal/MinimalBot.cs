using System.Diagnostics;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace Viber.LoadBot.Minimal;

/// <summary>
/// A minimal bot as a user writes it: the slim builder, <c>AddViberBot</c> + <c>MapViberWebhook</c>, and one handler
/// (a no-op for <c>delivered</c> callbacks, or an echo of text messages through the injected client), with the
/// default logging of a new project (console, <c>Microsoft.AspNetCore</c> at Warning as the web template's
/// appsettings.json sets it). <c>background</c> switches to <see cref="ViberDispatchMode.Background"/>.
/// </summary>
internal static class MinimalBot
{
    public static async Task RunAsync(string[] args, string token, string apiBaseUrl)
    {
        var echo = args.Contains("echo");
        var background = args.Contains("background");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (Environment.GetEnvironmentVariable("LOADBOT_LOGGING") == "none")
        {
            // As the floor runs: with no logger, ASP.NET Core's hosting layer starts no activity and pushes no log
            // scope per request, which tells its cost apart from the library's.
            builder.Logging.ClearProviders();
        }

        var bot = builder.Services.AddViberBot(options =>
        {
            options.AuthToken = token;
            options.ApiBaseUrl = apiBaseUrl;
            options.RegisterWebhook = false;
            options.Sender.Name = "Minimal";
            options.DispatchMode = background ? ViberDispatchMode.Background : ViberDispatchMode.Inline;
        });
        // Viber__* environment variables (for example Viber__BackgroundWorkers) tune the run.
        builder.Services.Configure<ViberBotOptions>(builder.Configuration.GetSection(ViberBotOptions.SectionName));
        if (echo)
        {
            bot.On<MessageCallback, IViberBotClient>((callback, viber, cancellationToken) =>
                viber.SendMessageAsync(new TextMessage { Receiver = callback.Sender!.Id, Text = "You said: " + (callback.Message as TextMessage)?.Text }, cancellationToken));
        }
        else
        {
            bot.On<DeliveredCallback>((_, _, _) => Task.CompletedTask);
        }

        if (Environment.GetEnvironmentVariable("LOADBOT_HTTP_TRACING") == "on")
        {
            // HttpClient's own activity and trace headers for Bot API calls, which AddViberBot turns off, turned back
            // on as docs/observability.md shows: what they cost per send.
            builder.Services.AddHttpClient(ViberBotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(static (handler, _) =>
            {
                if (handler is SocketsHttpHandler sockets)
                {
                    sockets.ActivityHeadersPropagator = DistributedContextPropagator.Current;
                }
            });
        }

        var app = builder.Build();
        app.MapViberWebhook();
        app.MapAllocationCounter();
        await app.RunAsync();
    }
}
