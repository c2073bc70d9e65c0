using Microsoft.Extensions.Options;

namespace Viber.AspNetCore.Hosting;

/// <summary>Fills <see cref="ViberBotOptions.WebhookPath"/> from the webhook URL's path, else the default path.</summary>
internal sealed class ViberBotOptionsPostConfigure : IPostConfigureOptions<ViberBotOptions>
{
    public void PostConfigure(string? name, ViberBotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.WebhookPath))
        {
            return;
        }

        // An invalid URL is left to the validator, which names it; the path then falls back to the default.
        options.WebhookPath = Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var url)
            ? url.AbsolutePath
            : ViberBotOptions.DefaultWebhookPath;
    }
}
