using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Viber.Api;
using Viber.Api.Requests;
using Viber.AspNetCore.Diagnostics;

namespace Viber.AspNetCore.Registration;

/// <summary>
/// Calls set_webhook once the server listens (never in StartAsync: Viber calls the URL back at once and needs 200),
/// retrying failures with capped exponential backoff and jitter (status 1, invalidUrl, is common while a proxy or
/// certificate is not ready yet). Reports its state to the "viber" health check. Removes the webhook on stop only when
/// <see cref="ViberBotOptions.RemoveWebhookOnShutdown"/> says so.
/// </summary>
internal sealed class ViberWebhookRegistrationService(
    IHostApplicationLifetime lifetime,
    IServiceScopeFactory scopeFactory,
    IOptions<ViberBotOptions> options,
    ViberWebhookRegistrationState state,
    TimeProvider timeProvider,
    ILogger<ViberWebhookRegistrationService> logger) : BackgroundService
{
    private int _attempts;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (options.Value.RemoveWebhookOnShutdown && state.Current.Status == ViberWebhookRegistrationStatus.Registered)
        {
            await RemoveWebhookAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tells an error that retrying may fix from one it cannot.</summary>
    /// <param name="exception">What set_webhook threw.</param>
    /// <returns><see langword="true"/> for network failures, timeouts and Viber statuses other than the account's own.</returns>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        ViberApiException api => api.Status is not (ViberStatus.InvalidAuthToken
            or ViberStatus.PublicAccountBlocked
            or ViberStatus.PublicAccountNotFound
            or ViberStatus.PublicAccountSuspended
            or ViberStatus.PublicAccountNotAuthorized),
        HttpRequestException or TimeoutException or OperationCanceledException => true,
        _ => false,
    };

    /// <summary>Says why an attempt failed, with the usual cause of Viber's invalidUrl added only to that status.</summary>
    /// <param name="exception">What set_webhook threw.</param>
    /// <returns>The exception's own message, so a transport or header error is reported as what it is.</returns>
    internal static string Describe(Exception exception) => exception is ViberApiException { Status: ViberStatus.InvalidUrl }
        ? exception.Message + " (Viber answers invalidUrl while the URL does not answer 200 over HTTPS)"
        : exception.Message;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Set before the host finishes starting: ExecuteAsync runs in the background (.NET 10), and a health probe
        // right after start must not see "pending" for a bot that never registers.
        if (!options.Value.RegisterWebhook)
        {
            state.Set(ViberWebhookRegistrationStatus.Disabled, 0, null);
            Log.WebhookRegistrationDisabled(logger);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RegisterWebhook)
        {
            return;
        }

        var url = settings.WebhookUrl!;
        var request = new SetWebhookRequest
        {
            Url = url,
            EventTypes = settings.EventTypes?.Select(ViberEventType.FromString).ToList(),
            SendName = settings.SendName,
            SendPhoto = settings.SendPhoto,
        };

        try
        {
            await WaitUntilStartedAsync(stoppingToken).ConfigureAwait(false);
            var response = await BuildPipeline(settings, url, stoppingToken)
                .ExecuteAsync(ct => RegisterAsync(request, url, ct), stoppingToken)
                .ConfigureAwait(false);
            var eventTypes = string.Join(", ", response.EventTypes ?? []);
            state.Set(ViberWebhookRegistrationStatus.Registered, _attempts, eventTypes);
            Log.WebhookRegistered(logger, url, eventTypes);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app stopped before registration finished; nothing to report.
        }
        catch (Exception exception) when (!IsTransient(exception))
        {
            // Not rethrown: a BackgroundService that throws stops the host, while a bot that cannot register can still
            // serve its health check, which says why (Unhealthy).
            state.Set(ViberWebhookRegistrationStatus.Failed, _attempts, exception.Message);
            Log.WebhookRegistrationFailed(logger, exception, url, exception.Message);
        }
    }

    private ResiliencePipeline<SetWebhookResponse> BuildPipeline(ViberBotOptions settings, string url, CancellationToken stoppingToken)
        => new ResiliencePipelineBuilder<SetWebhookResponse> { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions<SetWebhookResponse>
            {
                ShouldHandle = new PredicateBuilder<SetWebhookResponse>()
                    .Handle<Exception>(exception => IsTransient(exception) && !stoppingToken.IsCancellationRequested),
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RegistrationRetryDelay,
                MaxDelay = settings.RegistrationRetryMaxDelay,
                OnRetry = args =>
                {
                    var exception = args.Outcome.Exception!;
                    state.Set(ViberWebhookRegistrationStatus.Retrying, _attempts, exception.Message);
                    Log.WebhookRegistrationRetry(logger, exception, url, _attempts, Describe(exception), args.RetryDelay);
                    return default;
                },
            })
            .Build();

    private async ValueTask<SetWebhookResponse> RegisterAsync(SetWebhookRequest request, string url, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        using var activity = ViberActivities.Source.StartActivity(ViberDiagnostics.RegisterWebhookActivityName, ActivityKind.Internal);
        Log.WebhookRegistering(logger, url, attempt);
        var scope = scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var client = scope.ServiceProvider.GetRequiredService<IViberBotClient>();
            return await client.SetWebhookAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitUntilStartedAsync(CancellationToken stoppingToken)
    {
        // ApplicationStarted fires once every hosted service, the server included, has started: the port listens.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
    }

    private async Task RemoveWebhookAsync(CancellationToken cancellationToken)
    {
        try
        {
            var scope = scopeFactory.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await scope.ServiceProvider.GetRequiredService<IViberBotClient>().RemoveWebhookAsync(cancellationToken).ConfigureAwait(false);
            }

            Log.WebhookRemoved(logger);
        }
        catch (Exception exception) when (IsTransient(exception) || exception is ViberApiException)
        {
            Log.WebhookRemoveFailed(logger, exception);
        }
    }
}
