using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Viber.Emulator.Hosting;

/// <summary>Tells the developer where to chat with the bot once the app listens.</summary>
internal sealed partial class ViberEmulatorBannerService(
    ViberEmulatorBannerOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<ViberEmulatorBannerService> logger) : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Logged after ApplicationStarted: the URL only works once the server listens.
        lifetime.ApplicationStarted.Register(() => LogChatPage(logger, options.ChatPageUrl));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, EventName = "EmulatorChatPage", Level = LogLevel.Warning,
        Message = "Emulator mode (Development with no Viber:AuthToken, or Viber:Emulator:Enabled): the bot runs against the Viber emulator in this app, not Viber. Chat with it at {ChatPageUrl}")]
    private static partial void LogChatPage(ILogger logger, Uri chatPageUrl);
}
