using Microsoft.AspNetCore.Http;
using Viber.Api;
using Viber.Emulator.Api;

namespace Viber.Emulator.Hosting;

/// <summary>The RequestDelegate behind <c>MapViberEmulatorApi</c>: reads the raw body itself (no model binding) and answers.</summary>
internal static class ApiEndpoint
{
    /// <summary>The largest body the emulator reads; Viber's own limit (30 KB) is checked on what is read.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task HandleAsync(HttpContext context, ViberEmulator emulator)
    {
        var cancellationToken = context.RequestAborted;
        var method = context.Request.RouteValues["method"] as string ?? string.Empty;
        var body = await ReadBodyAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var header = context.Request.Headers[ViberApiMethods.AuthTokenHeader];
        var token = header.Count > 0 ? header[0] : null;
        var answer = await emulator.ProcessApiAsync(new ApiRequest(method, context.Request.Method, token, body), cancellationToken).ConfigureAwait(false);

        context.Response.StatusCode = answer.HttpStatus;
        if (answer.Body.Length > 0)
        {
            context.Response.ContentType = ApiResponse.ContentType;
            context.Response.ContentLength = answer.Body.Length;
            await context.Response.Body.WriteAsync(answer.Body, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <returns>The body, or <see langword="null"/> when it is larger than <see cref="MaxBodyBytes"/>.</returns>
    private static async Task<byte[]?> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
