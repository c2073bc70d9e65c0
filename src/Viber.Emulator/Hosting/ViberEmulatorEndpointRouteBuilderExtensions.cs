using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Viber.Emulator.ChatPage;

namespace Viber.Emulator.Hosting;

/// <summary>Maps the emulator into an ASP.NET Core app's endpoints.</summary>
public static class ViberEmulatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves the fake Bot API of the <see cref="ViberEmulator"/> registered with <c>AddViberEmulator()</c>:
    /// <c>POST {pattern}/{method}</c> (and GET for get_account_info). Loopback callers only, unless
    /// <see cref="ViberEmulatorOptions.AllowRemoteClients"/> is set.
    /// </summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <param name="pattern">The API path; <c>/pa</c> by default.</param>
    /// <returns>The API's endpoints, for conventions such as <c>RequireHost</c>.</returns>
    /// <exception cref="InvalidOperationException">No emulator is registered.</exception>
    public static IEndpointConventionBuilder MapViberEmulatorApi(this IEndpointRouteBuilder endpoints, string pattern = ViberEmulatorDefaults.ApiPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapViberEmulatorApi(ResolveEmulator(endpoints), pattern);
    }

    /// <summary>Serves a given emulator's fake Bot API: <c>POST {pattern}/{method}</c> (and GET for get_account_info).</summary>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <param name="emulator">The emulator.</param>
    /// <param name="pattern">The API path; <c>/pa</c> by default.</param>
    /// <returns>The API's endpoints, for conventions such as <c>RequireHost</c>.</returns>
    public static IEndpointConventionBuilder MapViberEmulatorApi(this IEndpointRouteBuilder endpoints, ViberEmulator emulator, string pattern = ViberEmulatorDefaults.ApiPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var group = endpoints.MapGroup(pattern.TrimEnd('/'));
        group.MapMethods("/{method}", [HttpMethods.Post, HttpMethods.Get], context => ApiEndpoint.HandleAsync(context, emulator))
            .WithDisplayName("Viber emulator Bot API");
        LoopbackOnlyConvention.Apply(group, emulator);
        return group;
    }

    /// <summary>
    /// Hosts the registered emulator inside the app under <paramref name="pattern"/>: the browser chat page at
    /// <c>{pattern}/</c> (its files are embedded in this assembly; its JSON API and live event stream are under
    /// <c>{pattern}/api/</c>), and the Bot API at <c>{pattern}/pa/</c>, so the bot's <c>Viber:ApiBaseUrl</c> is
    /// <c>http://127.0.0.1:{port}{pattern}/pa/</c>. Callbacks go to whatever webhook the bot sets, over loopback HTTP.
    /// </summary>
    /// <remarks>
    /// The page lets whoever reaches it create users and act as them, as a development tool does: map it only in
    /// emulator mode. It answers loopback callers only (403 otherwise) unless
    /// <see cref="ViberEmulatorOptions.AllowRemoteClients"/> is set.
    /// </remarks>
    /// <param name="endpoints">The endpoint builder.</param>
    /// <param name="pattern">The emulator's path; <c>/viber-emulator</c> by default.</param>
    /// <returns>The emulator's route group.</returns>
    /// <exception cref="InvalidOperationException">No emulator is registered.</exception>
    public static RouteGroupBuilder MapViberEmulator(this IEndpointRouteBuilder endpoints, string pattern = ViberEmulatorDefaults.AppPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var emulator = ResolveEmulator(endpoints);
        var group = endpoints.MapGroup(pattern);
        group.MapViberEmulatorApi(emulator, ViberEmulatorDefaults.ApiPath);
        ChatPageEndpoints.Map(group, emulator);
        LoopbackOnlyConvention.Apply(group, emulator);
        return group;
    }

    private static ViberEmulator ResolveEmulator(IEndpointRouteBuilder endpoints)
        => endpoints.ServiceProvider.GetService<ViberEmulator>()
            ?? throw new InvalidOperationException(
                "Unable to find the ViberEmulator service. Add it with 'builder.Services.AddViberEmulator()' before mapping the emulator, or pass an emulator instance.");
}
