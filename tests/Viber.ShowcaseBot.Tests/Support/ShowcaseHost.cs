using Microsoft.AspNetCore.Mvc.Testing;
using Viber.Emulator;
using Viber.Emulator.Users;
using Viber.Testing;

namespace Viber.ShowcaseBot.Tests.Support;

/// <summary>
/// The ShowcaseBot sample in-process under WebApplicationFactory, talking to an emulator with no sockets: the bot has
/// registered its webhook when <see cref="StartAsync"/> returns.
/// </summary>
public sealed class ShowcaseHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-3f9c";

    private ShowcaseHost(ViberEmulator emulator, WebApplicationFactory<Program> factory)
    {
        Emulator = emulator;
        Factory = factory;
    }

    public ViberEmulator Emulator { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>Starts the sample with the test admin key and any other settings.</summary>
    public static async Task<ShowcaseHost> StartAsync(CancellationToken cancellationToken, params (string Key, string Value)[] settings)
    {
        var emulator = new ViberEmulator(new ViberEmulatorOptions().UseTestRetrySchedule());
        var factory = new WebApplicationFactory<Program>()
            .WithViberEmulator(emulator)
            .WithWebHostBuilder(builder =>
            {
                builder.UseSetting("Showcase:AdminKey", AdminKey);
                foreach (var (key, value) in settings)
                {
                    builder.UseSetting(key, value);
                }
            });
        var host = new ShowcaseHost(emulator, factory);
        try
        {
            _ = factory.Server;
            await emulator.WaitForWebhookAsync(cancellationToken: cancellationToken);
            return host;
        }
        catch (Exception)
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates a user who subscribed (the bot answers subscribed with nothing, so there is no message to read).</summary>
    public async Task<EmulatedUser> SubscribedUserAsync(string name, CancellationToken cancellationToken)
    {
        var user = Emulator.CreateUser(name);
        await user.SubscribeAsync(cancellationToken);
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
