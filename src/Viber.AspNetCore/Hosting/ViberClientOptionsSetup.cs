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
    public void Configure(ViberBotClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bot = botOptions.Value;
        options.AuthToken = bot.AuthToken;
        options.BaseAddress = new Uri(bot.ApiBaseUrl, UriKind.Absolute);
        options.DefaultSender = DefaultSender(bot);
    }

    /// <summary>The default sender configured in <c>Viber:Sender</c>, if any.</summary>
    /// <param name="bot">The bot options.</param>
    /// <returns>A new sender, or <see langword="null"/> when no name is configured.</returns>
    public static ViberSender? DefaultSender(ViberBotOptions bot)
        => string.IsNullOrEmpty(bot.Sender.Name) ? null : new ViberSender(bot.Sender.Name, bot.Sender.Avatar);
}
