using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Emulator.Users;

namespace Viber.Emulator.ChatPage;

/// <summary>
/// The JSON API behind the chat page (<c>{pattern}/api/</c>), on the emulator's public objects. A user action
/// (open, subscribe, write, tap, read) is answered 202 as soon as it is under way: its callback may be retried for an
/// hour, and the page follows it on the event stream. An action the user's state refuses is answered at once.
/// </summary>
internal sealed class ChatPageApi(ViberEmulator emulator)
{
    public Task GetStateAsync(HttpContext context)
        => ChatPageHttp.WriteJsonAsync(context, StatusCodes.Status200OK, PageViews.State(emulator), ChatPageJsonContext.Default.PageState);

    public Task GetUsersAsync(HttpContext context)
        => ChatPageHttp.WriteJsonAsync(context, StatusCodes.Status200OK, [.. emulator.Users.Select(PageViews.User)], ChatPageJsonContext.Default.IReadOnlyListPageUser);

    public Task GetUserAsync(HttpContext context)
        => ChatPageHttp.WriteJsonAsync(context, StatusCodes.Status200OK, PageViews.User(FindUser(context)), ChatPageJsonContext.Default.PageUser);

    public Task GetConversationAsync(HttpContext context)
        => ChatPageHttp.WriteJsonAsync(context, StatusCodes.Status200OK, PageViews.Conversation(FindUser(context)), ChatPageJsonContext.Default.PageConversation);

    public async Task CreateUserAsync(HttpContext context)
    {
        var request = await ChatPageHttp.ReadJsonAsync(context, ChatPageJsonContext.Default.CreateUserRequest).ConfigureAwait(false)
            ?? throw new ChatPageProblem("Send the new user as JSON, such as { \"name\": \"Ann\" }.");
        var profile = new EmulatedUserProfile { Id = request.Id, Avatar = request.Avatar };
        if (request.Name is not null)
        {
            profile.Name = request.Name.Trim();
        }

        if (request.Country is { } country)
        {
            profile.Country = country.Length == 2 && country.All(char.IsAsciiLetter)
                ? country.ToUpperInvariant()
                : throw ChatPageProblem.ForField("country", "a 2-letter ISO country code is required, such as UA");
        }

        if (request.Language is { } language)
        {
            profile.Language = !string.IsNullOrWhiteSpace(language) ? language.Trim() : throw ChatPageProblem.ForField("language", "a language code is required, such as en (it must not be empty)");
        }

        profile.ApiVersion = request.ApiVersion ?? profile.ApiVersion;
        profile.Devices = request.Devices ?? profile.Devices;

        // CreateUser checks the rest (name, devices, API version, a free id) and says what is wrong.
        var user = emulator.CreateUser(profile);
        context.Response.Headers.Location = context.Request.PathBase + context.Request.Path + "/" + Uri.EscapeDataString(user.Id);
        await ChatPageHttp.WriteJsonAsync(context, StatusCodes.Status201Created, PageViews.User(user), ChatPageJsonContext.Default.PageUser).ConfigureAwait(false);
    }

    public static Task NotFoundAsync(HttpContext context)
    {
        var path = context.Request.RouteValues["path"] as string;
        throw path is not null && path.StartsWith("users//", StringComparison.Ordinal)
            ? NoUserPicked()
            : new ChatPageProblem(StatusCodes.Status404NotFound, $"The page API has no {context.Request.Method} api/{path}.");
    }

    public async Task OpenConversationAsync(HttpContext context)
    {
        var user = FindUser(context);
        var request = await ChatPageHttp.ReadJsonAsync(context, ChatPageJsonContext.Default.OpenConversationRequest).ConfigureAwait(false);
        var deepLinkContext = string.IsNullOrEmpty(request?.Context) ? null : request.Context;
        await StartAsync(context, "open conversation", token => user.OpenConversationAsync(deepLinkContext, token)).ConfigureAwait(false);
    }

    public Task SubscribeAsync(HttpContext context) => StartBodilessAsync(context, "subscribe", user => user.SubscribeAsync);

    public Task UnsubscribeAsync(HttpContext context) => StartBodilessAsync(context, "unsubscribe", user => user.UnsubscribeAsync);

    public Task MarkSeenAsync(HttpContext context) => StartBodilessAsync(context, "read", user => user.ReadAsync);

    public async Task SendMessageAsync(HttpContext context)
    {
        var user = FindUser(context);
        var body = await ChatPageHttp.ReadBodyAsync(context).ConfigureAwait(false);
        if (body.Length == 0)
        {
            throw new ChatPageProblem("Send the message as JSON, such as { \"type\": \"text\", \"text\": \"hi\" }.");
        }

        // Checked on the JSON first, so a bad field is named with what it needs rather than a .NET type; a
        // JsonException left over (a field the page does not send, of the wrong type) is put in the same words, the
        // message type's metadata saying what the field needs.
        JsonTypeInfo typeInfo;
        using (var json = JsonDocument.Parse(body))
        {
            typeInfo = UserMessageValidator.Validate(json.RootElement);
        }

        ViberMessage message;
        try
        {
            message = ViberJson.DeserializeMessage(body);
        }
        catch (JsonException exception)
        {
            throw JsonProblems.From(exception, typeInfo);
        }

        // SendMessageAsync also refuses the types a user cannot send (rich media, keyboard) with an ArgumentException: 400.
        await StartAsync(context, "send message", token => user.SendMessageAsync(message, token)).ConfigureAwait(false);
    }

    public async Task TapAsync(HttpContext context)
    {
        var user = FindUser(context);
        var request = await ChatPageHttp.ReadJsonAsync(context, ChatPageJsonContext.Default.TapRequest).ConfigureAwait(false);
        if (request?.Index is not { } index)
        {
            throw ChatPageProblem.ForField("index", "say which button: { \"index\": 0 } for the keyboard, plus \"messageToken\" for a rich media message");
        }

        if (request.MessageToken is null)
        {
            await StartAsync(context, "tap keyboard button", token => user.TapKeyboardButtonAsync(index, token)).ConfigureAwait(false);
            return;
        }

        if (!long.TryParse(request.MessageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var messageToken))
        {
            throw ChatPageProblem.ForField("messageToken", "the message's token as a string of digits is required");
        }

        await StartAsync(context, "tap rich media button", token => user.TapRichMediaButtonAsync(messageToken, index, token)).ConfigureAwait(false);
    }

    private EmulatedUser FindUser(HttpContext context)
    {
        // Viber ids are base64 and may hold '/', which a server leaves encoded in the path as %2F.
        var id = (context.Request.RouteValues["id"] as string ?? string.Empty).Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        if (emulator.TryGetUser(id, out var user))
        {
            return user;
        }

        // "null" and "undefined" are what a script sends when no user is picked: said as such, not as a missing user.
        throw string.IsNullOrWhiteSpace(id) || id is "null" or "undefined"
            ? NoUserPicked()
            : ChatPageProblem.ForField("id", $"no emulated user has id '{id}'; GET api/users lists them", StatusCodes.Status404NotFound);
    }

    private static ChatPageProblem NoUserPicked()
        => ChatPageProblem.ForField("id", "a user id is required: pick a user, or create one with POST api/users");

    /// <summary>Starts an action that takes no input; the body is still read, so it must be JSON (<c>{}</c>).</summary>
    private async Task StartBodilessAsync(HttpContext context, string operation, Func<EmulatedUser, Func<CancellationToken, Task>> action)
    {
        var user = FindUser(context);
        await ChatPageHttp.ReadBodyAsync(context).ConfigureAwait(false);
        await StartAsync(context, operation, action(user)).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a user action. One the user's state refuses fails before its first callback, so that answer (400, 409)
    /// is given at once; the rest runs as the emulator's background work, which it cancels and waits for when disposed.
    /// </summary>
    private async Task StartAsync(HttpContext context, string operation, Func<CancellationToken, Task> action)
    {
        var task = action(emulator.Background.Stopping);
        if (task.IsCompleted)
        {
            await task.ConfigureAwait(false);
        }
        else
        {
            emulator.Background.Run("chat page: " + operation, _ => task);
        }

        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }
}
