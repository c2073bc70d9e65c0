using Microsoft.Extensions.Options;
using Viber.Api;
using Viber.Api.Messages;

namespace Viber.AspNetCore.Hosting;

/// <summary>
/// Derives the client's <see cref="ViberBotClientOptions"/> from <see cref="ViberBotOptions"/>. Apps can adjust the
/// client further (retries, timeouts) with <c>services.Configure&lt;ViberBotClientOptions&gt;(...)</c>.
/// </summary>
internal sealed class ViberClientOptionsSetup(IOptions<ViberBotOptions> botOptions) : IConfigureOptions<ViberBotClientOptions>
{
    /// <summary>A web app's default total time for one API call, retries included (the library's is 2 minutes).</summary>
    public static readonly TimeSpan WebhookTotalTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A web app's default time for one attempt (the library's is 30 s).</summary>
    public static readonly TimeSpan WebhookAttemptTimeout = TimeSpan.FromSeconds(10);

    private static readonly ViberBotClientOptions LibraryDefaults = new();

    public void Configure(ViberBotClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bot = botOptions.Value;
        options.AuthToken = bot.AuthToken;
        options.BaseAddress = new Uri(bot.ApiBaseUrl, UriKind.Absolute);
        options.DefaultSender = DefaultSender(bot);

        // In a web app a call usually serves a callback that Viber stops waiting for after seconds: two minutes of
        // retries against a hanging API only hold connections. Timeouts someone already chose are left alone; the
        // broadcast pacing wait (at most one 10 s window per request) fits in the total.
        if (options.TotalTimeout == LibraryDefaults.TotalTimeout)
        {
            options.TotalTimeout = WebhookTotalTimeout;
        }

        if (options.AttemptTimeout == LibraryDefaults.AttemptTimeout)
        {
            options.AttemptTimeout = WebhookAttemptTimeout;
        }
    }

    /// <summary>The default sender configured in <c>Viber:Sender</c>, if any.</summary>
    /// <param name="bot">The bot options.</param>
    /// <returns>A new sender, or <see langword="null"/> when no name is configured.</returns>
    public static ViberSender? DefaultSender(ViberBotOptions bot)
        => string.IsNullOrEmpty(bot.Sender.Name) ? null : new ViberSender(bot.Sender.Name, bot.Sender.Avatar);
}
