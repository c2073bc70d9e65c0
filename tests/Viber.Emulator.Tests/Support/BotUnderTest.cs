using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Viber.Emulator.Hosting;
using Viber.Testing;

namespace Viber.Emulator.Tests.Support;

/// <summary>The tiny bot running against an emulator, in-process (WebApplicationFactory) or over real Kestrel sockets.</summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    public const string InProcess = "in-process";
    public const string Kestrel = "kestrel";

    private readonly IAsyncDisposable[] _owned;

    private BotUnderTest(TinyBotState state, params IAsyncDisposable[] owned)
    {
        State = state;
        _owned = owned;
    }

    public static TheoryData<string> Transports => [InProcess, Kestrel];

    public TinyBotState State { get; }

    public static Task<BotUnderTest> StartAsync(string transport, ViberEmulator emulator)
        => transport == InProcess ? StartInProcessAsync(emulator) : StartOnKestrelAsync(emulator);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    private static Task<BotUnderTest> StartInProcessAsync(ViberEmulator emulator)
    {
        var root = new TinyBotFactory();
        var factory = root.WithViberEmulator(emulator);
        _ = factory.Server;
        return Task.FromResult(new BotUnderTest(factory.Services.GetRequiredService<TinyBotState>(), factory, root));
    }

    private static async Task<BotUnderTest> StartOnKestrelAsync(ViberEmulator emulator)
    {
        var server = await ViberEmulatorServer.StartAsync(emulator, cancellationToken: TestContext.Current.CancellationToken);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Viber:AuthToken"] = emulator.AuthToken,
            ["Viber:ApiBaseUrl"] = server.ApiBaseUrl.AbsoluteUri,
        });
        builder.Services.AddTinyBot();
        var app = builder.Build();
        app.MapTinyBot();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new BotUnderTest(app.Services.GetRequiredService<TinyBotState>(), app, server);
    }
}
