using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Messages;
using Viber.Api.Validation;

namespace Viber.AspNetCore.Hosting;

/// <summary>
/// Viber refuses a message without <c>sender.name</c>, so a bot with no <c>Viber:Sender:Name</c> would answer 500 to
/// every message. When the app starts, before the server takes callbacks, this takes the account's own name and
/// icon from get_account_info as the default sender instead; when there is neither, the start fails with a message
/// that names the key.
/// </summary>
/// <param name="services">The root provider, to get a client from.</param>
/// <param name="clientOptions">The client options whose <see cref="ViberBotClientOptions.DefaultSender"/> is completed.</param>
/// <param name="logger">The logger.</param>
/// <param name="sectionPath">The configuration path of the bot's options, for the key named in errors.</param>
internal sealed class ViberSenderFallbackService(
    IServiceProvider services,
    IOptions<ViberBotClientOptions> clientOptions,
    ILogger<ViberSenderFallbackService> logger,
    string sectionPath) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The options instance every client the app creates is built from (IOptions<T> computes it once). Completing
        // it here, before the server starts, gives the account's name to every client, route reply and welcome message.
        var options = clientOptions.Value;
        if (!string.IsNullOrEmpty(options.DefaultSender?.Name))
        {
            return;
        }

        var key = $"{sectionPath}:Sender:Name";
        var advice = $"Set {key} (environment variable {key.Replace(":", "__", StringComparison.Ordinal)}) to the name shown on the bot's messages, at most {ViberSender.MaxNameLength} characters.";
        Api.Requests.GetAccountInfoResponse account;
        try
        {
            // A scope of its own: an app may register its client as scoped.
            var scope = services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                account = await scope.ServiceProvider.GetRequiredService<IViberBotClient>().GetAccountInfoAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is ViberException or HttpRequestException or TimeoutException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The client retried what was transient; what is left will not get better by starting without a sender.
            throw new InvalidOperationException(
                $"The bot has no sender name: {key} is not set, and get_account_info, which gives the account's name instead, failed ({exception.GetType().Name}: {exception.Message}). {advice}",
                exception);
        }

        if (string.IsNullOrWhiteSpace(account.Name))
        {
            throw new InvalidOperationException($"The bot has no sender name: {key} is not set, and the account get_account_info describes has no name. {advice}");
        }

        var name = Shorten(account.Name.Trim());
        var avatar = HttpUrl.IsAbsoluteHttp(account.Icon) ? account.Icon : null;
        options.DefaultSender = new ViberSender(name, avatar);
        SenderLog.SenderFromAccount(logger, name, key);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Cuts an account name to Viber's sender name limit without splitting a surrogate pair.</summary>
    /// <param name="name">The account name.</param>
    /// <returns>The name, at most <see cref="ViberSender.MaxNameLength"/> characters.</returns>
    internal static string Shorten(string name)
    {
        if (name.Length <= ViberSender.MaxNameLength)
        {
            return name;
        }

        var length = char.IsHighSurrogate(name[ViberSender.MaxNameLength - 1]) ? ViberSender.MaxNameLength - 1 : ViberSender.MaxNameLength;
        return name[..length];
    }
}
