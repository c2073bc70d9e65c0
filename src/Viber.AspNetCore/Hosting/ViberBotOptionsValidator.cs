using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Validation;

namespace Viber.AspNetCore.Hosting;

/// <summary>
/// Checks <see cref="ViberBotOptions"/> when the app starts, with messages that name the configuration key and
/// what to set. The auth token's value never appears in a message.
/// </summary>
/// <param name="sectionPath">The configuration path the options come from (<c>Viber</c> by default).</param>
internal sealed class ViberBotOptionsValidator(string sectionPath) : IValidateOptions<ViberBotOptions>
{
    public ValidateOptionsResult Validate(string? name, ViberBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // The client's own rule, so a token that passes here does not fail when the first client is created.
        if (AuthTokenRule.FindViolation(options.AuthToken) is { } tokenViolation)
        {
            failures.Add($"{Key("AuthToken")} {tokenViolation}: set it to the bot's token from the Viber admin panel (environment variable {EnvVar("AuthToken")})");
        }

        ValidateWebhookUrl(options, failures);

        if (options.WebhookPath is { Length: > 0 } path && path[0] != '/')
        {
            failures.Add($"{Key("WebhookPath")} must start with '/', for example '{ViberBotOptions.DefaultWebhookPath}'");
        }

        if (!HttpUrl.IsAbsoluteHttp(options.ApiBaseUrl))
        {
            failures.Add($"{Key("ApiBaseUrl")} must be an absolute http(s) URL such as '{ViberApiMethods.DefaultBaseAddress}'");
        }

        if (options.Sender.Name is { } senderName && (senderName.Length == 0 || senderName.Length > ViberSender.MaxNameLength))
        {
            failures.Add($"{Key("Sender:Name")} must be 1 to {ViberSender.MaxNameLength} characters (Viber's limit), not {senderName.Length}");
        }

        // The same rule as the message validator's sender.avatar, so a bad avatar stops the start, not the first send.
        if (options.Sender.Avatar is { } avatar && !HttpUrl.IsAbsoluteHttp(avatar))
        {
            failures.Add($"{Key("Sender:Avatar")} must be an absolute http(s) URL");
        }

        if (options.EventTypes is { } eventTypes)
        {
            for (var i = 0; i < eventTypes.Count; i++)
            {
                if (!new ViberEventType(eventTypes[i]).IsSubscribable)
                {
                    failures.Add($"{Key($"EventTypes:{i}")} is '{eventTypes[i]}', which set_webhook does not accept (use {string.Join(", ", ViberEventType.Subscribable)})");
                }
            }
        }

        Positive(failures, "MaxRequestBodySize", options.MaxRequestBodySize, "bytes");
        Positive(failures, "BackgroundQueueCapacity", options.BackgroundQueueCapacity, "callbacks");
        Positive(failures, "BackgroundWorkers", options.BackgroundWorkers, "workers");
        Positive(failures, "DeduplicationCapacity", options.DeduplicationCapacity, "callbacks");
        Positive(failures, "MaxConcurrentApiCalls", options.MaxConcurrentApiCalls, "requests");
        Positive(failures, "DeduplicationWindow", options.DeduplicationWindow);
        Positive(failures, "RejectionLogInterval", options.RejectionLogInterval);
        Positive(failures, "RegistrationRetryDelay", options.RegistrationRetryDelay);
        if (options.HandlerTimeout != Timeout.InfiniteTimeSpan && (options.HandlerTimeout <= TimeSpan.Zero || options.HandlerTimeout > TimeSpan.FromDays(1)))
        {
            failures.Add($"{Key("HandlerTimeout")} must be a positive time span of at most a day, such as '00:00:10', or '-00:00:00.001' (infinite) to turn it off");
        }

        if (options.RegistrationRetryMaxDelay < options.RegistrationRetryDelay)
        {
            failures.Add($"{Key("RegistrationRetryMaxDelay")} must be at least {Key("RegistrationRetryDelay")}");
        }

        if (!Enum.IsDefined(options.DispatchMode))
        {
            failures.Add($"{Key("DispatchMode")} must be Inline or Background");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateWebhookUrl(ViberBotOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookUrl))
        {
            if (options.RegisterWebhook)
            {
                failures.Add($"{Key("WebhookUrl")} is required when {Key("RegisterWebhook")} is true: set the public HTTPS URL Viber calls (environment variable {EnvVar("WebhookUrl")}), or set {Key("RegisterWebhook")} to false");
            }

            return;
        }

        if (!HttpUrl.TryParse(options.WebhookUrl, out var url))
        {
            failures.Add($"{Key("WebhookUrl")} must be an absolute URL such as 'https://bot.example.com{ViberBotOptions.DefaultWebhookPath}'");
        }
        else if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            failures.Add($"{Key("WebhookUrl")} must use https: Viber only calls HTTPS webhooks (http is allowed only for loopback hosts such as localhost, for tests)");
        }
    }

    private void Positive(List<string> failures, string key, long value, string unit)
    {
        if (value <= 0)
        {
            failures.Add($"{Key(key)} must be a positive number of {unit}");
        }
    }

    private void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{Key(key)} must be a positive time span, such as '00:00:05'");
        }
    }

    private string Key(string key) => $"{sectionPath}:{key}";

    private string EnvVar(string key) => Key(key).Replace(":", "__", StringComparison.Ordinal);
}
