using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Viber.Emulator.ChatPage;

/// <summary>
/// Maps the browser chat page into the emulator's route group: the page (<c>{pattern}/</c>, <c>app.js</c>,
/// <c>app.css</c>, embedded in the assembly), its JSON API (<c>{pattern}/api/</c>) and its event stream. Every
/// endpoint is a RequestDelegate with source-generated JSON, so the page needs no reflection and runs under Native AOT.
/// </summary>
internal static class ChatPageEndpoints
{
    // The page's own files only, and the bot's media from anywhere (pictures, videos, button images, avatars).
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src * data: blob:; media-src *; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void Map(IEndpointRouteBuilder group, ViberEmulator emulator)
    {
        var api = new ChatPageApi(emulator);
        var stream = new ChatPageEventStream(emulator, TimeProvider.System, ChatPageEventStream.DefaultHeartbeatInterval);

        group.MapGet("/", ServePage).WithDisplayName("Viber emulator chat page");
        group.MapGet("/" + ChatPageAssets.Index, ServePage).WithDisplayName("Viber emulator chat page");
        group.MapGet("/app.js", context => ServeAsync(context, "app.js")).WithDisplayName("Viber emulator chat page script");
        group.MapGet("/app.css", context => ServeAsync(context, "app.css")).WithDisplayName("Viber emulator chat page styles");

        var routes = group.MapGroup("/api");
        routes.MapGet("/state", ChatPageHttp.Guard(api.GetStateAsync));
        routes.MapGet("/events", ChatPageHttp.Guard(stream.HandleAsync));
        routes.MapGet("/users", ChatPageHttp.Guard(api.GetUsersAsync));
        routes.MapPost("/users", ChatPageHttp.Guard(api.CreateUserAsync));
        routes.MapGet("/users/{id}", ChatPageHttp.Guard(api.GetUserAsync));
        routes.MapGet("/users/{id}/conversation", ChatPageHttp.Guard(api.GetConversationAsync));
        routes.MapPost("/users/{id}/open", ChatPageHttp.Guard(api.OpenConversationAsync));
        routes.MapPost("/users/{id}/subscribe", ChatPageHttp.Guard(api.SubscribeAsync));
        routes.MapPost("/users/{id}/unsubscribe", ChatPageHttp.Guard(api.UnsubscribeAsync));
        routes.MapPost("/users/{id}/seen", ChatPageHttp.Guard(api.MarkSeenAsync));
        routes.MapPost("/users/{id}/messages", ChatPageHttp.Guard(api.SendMessageAsync));
        routes.MapPost("/users/{id}/tap", ChatPageHttp.Guard(api.TapAsync));

        // Any other path under api/ (users//open, a typo) gets a JSON answer the page can show, not an empty 404.
        routes.MapFallback("{**path}", ChatPageHttp.Guard(ChatPageApi.NotFoundAsync));
    }

    private static Task ServePage(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.HasValue || (!request.Path.Value.EndsWith('/') && !request.Path.Value.EndsWith(ChatPageAssets.Index, StringComparison.Ordinal)))
        {
            // The page links app.js and api/ relatively, so it must be served from a path ending in '/'.
            context.Response.Redirect(request.PathBase + request.Path + "/" + request.QueryString);
            return Task.CompletedTask;
        }

        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        return ServeAsync(context, ChatPageAssets.Index);
    }

    private static async Task ServeAsync(HttpContext context, string name)
    {
        var asset = ChatPageAssets.Get(name);
        var response = context.Response;

        // no-cache: the browser revalidates each time (a new package version shows at once) and gets 304 meanwhile.
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = asset.ETag;
        response.Headers.XContentTypeOptions = "nosniff";
        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        await response.Body.WriteAsync(asset.Content, context.RequestAborted).ConfigureAwait(false);
    }
}
