using Microsoft.Extensions.Options;
using ShowcaseBot.Menus;
using ShowcaseBot.Subscribers;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Requests;

namespace ShowcaseBot.Admin;

/// <summary>
/// POST /admin/broadcast: sends a text to every subscriber and reports who Viber could not reach. The client paces
/// the broadcast itself: 300 receivers per broadcast_message request and at most 500 requests per 10 seconds, waiting
/// for the budget rather than failing, so a long list simply takes longer.
/// </summary>
public static partial class BroadcastEndpoint
{
    public const string Path = "/admin/broadcast";

    /// <summary>GET: the running (or last) broadcast's progress, for a progress bar.</summary>
    public const string ProgressPath = "/admin/broadcast/progress";

    /// <summary>Maps the endpoint.</summary>
    /// <param name="endpoints">The app.</param>
    /// <returns>The endpoint, for conventions.</returns>
    public static RouteHandlerBuilder MapBroadcast(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        if (string.IsNullOrEmpty(services.GetRequiredService<IOptions<ShowcaseOptions>>().Value.AdminKey))
        {
            // Fail closed, and say so once: a missing key is a setting to add, not a reason to refuse to start the bot.
            LogNoAdminKey(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BroadcastEndpoint)), Path);
        }

        endpoints.MapGet(ProgressPath, (HttpContext http, IOptions<ShowcaseOptions> options, BroadcastProgressTracker tracker)
            => AdminKey.Accepts(options.Value.AdminKey, http.Request.Headers[AdminKey.HeaderName])
                ? Results.Json(tracker.Latest, AdminJson.Default.BroadcastProgressReport)
                : Results.Unauthorized());
        return endpoints.MapPost(Path, BroadcastAsync);
    }

    private static async Task<IResult> BroadcastAsync(
        HttpContext http,
        IOptions<ShowcaseOptions> options,
        ISubscriberStore subscribers,
        IViberBotClient viber,
        BroadcastProgressTracker progress,
        ILoggerFactory loggers)
    {
        if (!AdminKey.Accepts(options.Value.AdminKey, http.Request.Headers[AdminKey.HeaderName]))
        {
            return Results.Unauthorized();
        }

        if (!http.Request.HasJsonContentType())
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        BroadcastRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync(AdminJson.Default.BroadcastRequest, http.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return Results.BadRequest("The body must be JSON: {\"text\": \"...\"}.");
        }

        if (string.IsNullOrWhiteSpace(request?.Text))
        {
            return Results.BadRequest("The body must be JSON: {\"text\": \"...\"}.");
        }

        var receivers = subscribers.GetAll();
        if (receivers.Count == 0)
        {
            return Results.Json(new BroadcastReport(0, 0, []), AdminJson.Default.BroadcastReport);
        }

        var message = new TextMessage { Text = request.Text, Keyboard = MainMenu.Build() };
        BroadcastResult result;
        progress.Start(receivers.Count);
        try
        {
            result = await viber.BroadcastMessageAsync(message, receivers, new ViberBroadcastOptions { Progress = progress }, http.RequestAborted);
        }
        catch (ViberValidationException exception)
        {
            // A limit the message breaks (text over 7,000 characters): the admin's request is at fault, and the
            // message names the field and the rule (never the token).
            return Results.BadRequest(exception.Message);
        }
        finally
        {
            progress.Finish();
        }

        LogBroadcast(loggers.CreateLogger(typeof(BroadcastEndpoint)), result.ReceiverCount, result.SucceededCount, result.Failed.Count);
        foreach (var failure in result.Failed)
        {
            // Viber says these users are gone (unsubscribed, or no longer on Viber): the unsubscribed callback was
            // missed, so the store learns it here and the next broadcast does not try them again.
            if (failure.Receiver is { } gone && failure.Status is ViberStatus.ReceiverNotSubscribed or ViberStatus.ReceiverNotRegistered)
            {
                subscribers.Remove(gone);
            }
        }

        var failed = result.Failed.Select(f => new FailedReceiver(f.Receiver, (int)f.Status, f.StatusMessage)).ToList();
        return Results.Json(new BroadcastReport(result.ReceiverCount, result.SucceededCount, failed), AdminJson.Default.BroadcastReport);
    }

    [LoggerMessage(2001, LogLevel.Warning, "Showcase:AdminKey is not set: {Path} refuses every request. Set it (environment variable Showcase__AdminKey) to broadcast.")]
    private static partial void LogNoAdminKey(ILogger logger, string path);

    [LoggerMessage(2000, LogLevel.Information, "Broadcast to {Receivers} subscribers: {Sent} sent, {Failed} failed.")]
    private static partial void LogBroadcast(ILogger logger, int receivers, int sent, int failed);
}
