namespace ShowcaseBot;

/// <summary>The sample's own settings, from the <c>Showcase</c> configuration section.</summary>
public sealed class ShowcaseOptions
{
    /// <summary>The configuration section: <c>Showcase</c>.</summary>
    public const string SectionName = "Showcase";

    /// <summary>
    /// Gets or sets the key POST /admin/broadcast requires in its <c>X-Admin-Key</c> header. Empty (the default) refuses
    /// every admin request, so a deployment without a key has no open broadcast endpoint.
    /// </summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// Gets or sets the public URL the bot's pictures and files are served under (Viber's servers download them, so it
    /// must be reachable from the internet). Empty: the <c>media/</c> folder next to the webhook, derived from
    /// <c>Viber:WebhookUrl</c>, since this app serves both.
    /// </summary>
    public string? MediaBaseUrl { get; set; }
}
