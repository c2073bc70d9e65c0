using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Viber.Emulator.Hosting;

/// <summary>
/// Makes the emulator's endpoints answer loopback callers only, unless <see cref="ViberEmulatorOptions.AllowRemoteClients"/>
/// says otherwise: whoever reaches the chat page can act as any user and read every conversation, so an app that
/// listens on a public address must not expose it by accident.
/// </summary>
internal static class LoopbackOnlyConvention
{
    public static void Apply(IEndpointConventionBuilder endpoints, ViberEmulator emulator)
        => endpoints.Add(builder =>
        {
            if (builder.RequestDelegate is not { } next)
            {
                return;
            }

            builder.RequestDelegate = context => emulator.Options.AllowRemoteClients || IsLocal(context.Connection)
                ? next(context)
                : RefuseAsync(context);
        });

    /// <summary>Loopback, or in-process (TestServer and the in-process handler have no remote address).</summary>
    private static bool IsLocal(ConnectionInfo connection)
        => connection.RemoteIpAddress is not { } remote || IPAddress.IsLoopback(remote);

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(
            "The Viber emulator answers loopback callers only. To reach it from another machine, set Viber:Emulator:AllowRemoteClients to true (ViberEmulatorOptions.AllowRemoteClients).",
            context.RequestAborted);
    }
}
