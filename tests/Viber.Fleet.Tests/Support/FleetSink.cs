using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Viber.Fleet.Tests.Support;

/// <summary>
/// Where the bot processes' handlers report, on Kestrel at 127.0.0.1: <c>POST handled/{token}/{instance}</c> when a
/// handler finished and <c>POST block/{token}/{instance}</c>, answered only once the test calls <see cref="Release"/>.
/// The record lives in the test process, so it survives the bot processes being killed.
/// </summary>
public sealed class FleetSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(long Token, string Instance)> _handled = new();
    private readonly ConcurrentQueue<(long Token, string Instance)> _started = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FleetSink(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Gets every completed handling, duplicates included, in the order reported.</summary>
    public IReadOnlyList<(long Token, string Instance)> Handled => [.. _handled];

    /// <summary>Gets every handler that started blocking.</summary>
    public IReadOnlyList<(long Token, string Instance)> Started => [.. _started];

    public static async Task<FleetSink> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FleetSink? sink = null;
        app.MapPost("/handled/{token}/{instance}", (long token, string instance) =>
        {
            sink!._handled.Enqueue((token, instance));
            return Results.Ok();
        });
        app.MapPost("/block/{token}/{instance}", async (long token, string instance, CancellationToken aborted) =>
        {
            sink!._started.Enqueue((token, instance));
            await sink._released.Task.WaitAsync(aborted);
            return Results.Ok();
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        sink = new FleetSink(app, new Uri(address.TrimEnd('/') + "/"));
        return sink;
    }

    /// <summary>Lets every blocked handler, and any that blocks later, go on.</summary>
    public void Release() => _released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
