using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Viber.Emulator.ChatPage.Views;

namespace Viber.Emulator.ChatPage;

/// <summary>Reading and writing the page API's JSON with <see cref="ChatPageJsonContext"/>, and its error answers.</summary>
internal static class ChatPageHttp
{
    /// <summary>The largest request body the page API reads; the page's requests are a few hundred bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>
    /// Runs a handler and turns refused input into an error answer: <see cref="ChatPageProblem"/> with its status,
    /// <see cref="JsonException"/> (in plain words, naming the JSON path) and <see cref="ArgumentException"/> (the
    /// emulator's validation) as 400, <see cref="InvalidOperationException"/> (an action the user's state does not
    /// allow) as 409.
    /// </summary>
    public static RequestDelegate Guard(Func<HttpContext, Task> handler) => async context =>
    {
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (!context.Response.HasStarted && AsProblem(exception) is { } problem)
        {
            context.Response.Clear();
            await WriteJsonAsync(context, problem.StatusCode, new PageError(problem.Message, problem.Field), ChatPageJsonContext.Default.PageError).ConfigureAwait(false);
        }
    };

    public static async Task WriteJsonAsync<T>(HttpContext context, int statusCode, T value, JsonTypeInfo<T> typeInfo)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = JsonContentType;
        context.Response.Headers.CacheControl = "no-store";
        var body = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a JSON body. Only <c>application/json</c> is accepted: a cross-site form cannot send it without the
    /// browser asking first, so another page open in the same browser cannot drive the emulator.
    /// </summary>
    /// <returns>The value, or <see langword="null"/> when the body is empty.</returns>
    public static async Task<T?> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        try
        {
            return body.Length == 0 ? default : JsonSerializer.Deserialize(body, typeInfo);
        }
        catch (JsonException exception)
        {
            // Here the request's type is known, so the answer can say what the field at fault needs.
            throw JsonProblems.From(exception, typeInfo);
        }
    }

    /// <summary>Reads a JSON body whole, checking its type and size.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new ChatPageProblem(StatusCodes.Status415UnsupportedMediaType, "Send the request body as application/json.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ChatPageProblem? AsProblem(Exception exception) => exception switch
    {
        ChatPageProblem problem => problem,
        JsonException json => JsonProblems.From(json),
        ArgumentException => new ChatPageProblem(StatusCodes.Status400BadRequest, exception.Message, exception),
        ObjectDisposedException => null,
        InvalidOperationException => new ChatPageProblem(StatusCodes.Status409Conflict, exception.Message, exception),
        _ => null,
    };

    private static ChatPageProblem TooLarge()
        => new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {MaxBodyBytes / 1024} KB.");
}
