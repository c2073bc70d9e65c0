using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Viber.Api;

namespace Viber.Emulator.Tests.Support;

/// <summary>Registers the tiny bot's webhook once the server listens (not in StartAsync, when it does not yet).</summary>
internal sealed class TinyBotRegistration(IHostApplicationLifetime lifetime, IServiceProvider services, IConfiguration configuration, TinyBotState state) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            var url = configuration["Viber:WebhookUrl"] ?? new Uri(TinyBot.OwnAddress(services), TinyBot.WebhookPath).AbsoluteUri;
            var request = new JsonObject { ["url"] = url, ["send_name"] = true, ["send_photo"] = true };
            state.Registration.TrySetResult(await TinyBot.CallApiAsync(services, ViberApiMethods.SetWebhook, request, stoppingToken));
        }
        catch (Exception exception)
        {
            // The test awaiting the registration gets the failure.
            state.Registration.TrySetException(exception);
        }
    }
}
