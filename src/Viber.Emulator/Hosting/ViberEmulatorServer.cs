using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Viber.Emulator.Hosting;

/// <summary>
/// The emulator on its own Kestrel server on 127.0.0.1, for real-socket tests and for bots run outside the test
/// process: point the bot's <c>Viber:ApiBaseUrl</c> at <see cref="ApiBaseUrl"/>.
/// </summary>
public sealed class ViberEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsEmulator;

    private ViberEmulatorServer(WebApplication app, ViberEmulator emulator, Uri baseAddress, bool ownsEmulator)
    {
        _app = app;
        Emulator = emulator;
        BaseAddress = baseAddress;
        ApiBaseUrl = new Uri(baseAddress, ViberEmulatorDefaults.ApiPath);
        _ownsEmulator = ownsEmulator;
    }

    /// <summary>Gets the emulator the server serves.</summary>
    public ViberEmulator Emulator { get; }

    /// <summary>Gets the server's address, such as <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the Bot API's base address, such as <c>http://127.0.0.1:51234/pa/</c>: the bot's <c>Viber:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl { get; }

    /// <summary>Gets the browser chat page's address, such as <c>http://127.0.0.1:51234/viber-emulator/</c>.</summary>
    public Uri ChatPageUrl => new(BaseAddress, ViberEmulatorDefaults.AppPath.TrimStart('/') + "/");

    /// <summary>Starts a server for a new emulator, which the server owns and disposes.</summary>
    /// <param name="options">The emulator's options; defaults when <see langword="null"/>.</param>
    /// <param name="timeProvider">The emulator's clock; the system clock when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<ViberEmulatorServer> StartAsync(ViberEmulatorOptions? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
        => StartCoreAsync(new ViberEmulator(options, timeProvider), ownsEmulator: true, port: 0, cancellationToken);

    /// <summary>Starts a server for an existing emulator, which the caller keeps owning.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <param name="port">The port on 127.0.0.1; 0 (the default) picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<ViberEmulatorServer> StartAsync(ViberEmulator emulator, int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        return StartCoreAsync(emulator, ownsEmulator: false, port, cancellationToken);
    }

    /// <summary>Stops the server, and the emulator when the server created it.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_ownsEmulator)
        {
            await Emulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<ViberEmulatorServer> StartCoreAsync(ViberEmulator emulator, bool ownsEmulator, int port, CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings or environment, so the test's working directory cannot reconfigure it.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(ViberEmulatorServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.UseRouting();
        app.MapViberEmulatorApi(emulator, ViberEmulatorDefaults.ApiPath);
        ChatPage.ChatPageEndpoints.Map(app.MapGroup(ViberEmulatorDefaults.AppPath), emulator);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            if (ownsEmulator)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ViberEmulatorServer(app, emulator, new Uri(address.TrimEnd('/') + "/"), ownsEmulator);
    }
}
