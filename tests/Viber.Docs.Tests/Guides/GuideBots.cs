using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Viber.AspNetCore;
using Viber.Emulator;
using Viber.Testing;

namespace Viber.Docs.Tests.Guides;

/// <summary>
/// Runs a guide's bot (a snippet's registration method from docs/Snippets) on a TestServer against the emulator, so a
/// guide's example is checked for what it does, not only for compiling.
/// </summary>
internal sealed class GuideBots : IAsyncDisposable
{
    private GuideBots(ViberEmulator emulator, WebApplication app)
    {
        Emulator = emulator;
        App = app;
    }

    public ViberEmulator Emulator { get; }

    public WebApplication App { get; }

    public static async Task<GuideBots> StartAsync(Action<WebApplicationBuilder> register, CancellationToken cancellationToken)
    {
        var emulator = new ViberEmulator(new ViberEmulatorOptions().UseTestRetrySchedule());
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.WebHost.UseViberEmulator(emulator);
        register(builder);
        var bot = new GuideBots(emulator, builder.Build());
        try
        {
            bot.App.MapViberWebhook();
            await bot.App.StartAsync(cancellationToken);
            await emulator.WaitForWebhookAsync(cancellationToken: cancellationToken);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
