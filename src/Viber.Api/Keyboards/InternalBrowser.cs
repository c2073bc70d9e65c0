using System.Text.Json;
using System.Text.Json.Serialization;

namespace Viber.Api.Keyboards;

/// <summary>Configures the internal browser an <c>open-url</c> button opens (API version 3).</summary>
public sealed class InternalBrowser
{
    /// <summary>Gets or sets the action button in the browser's navigation bar.</summary>
    [JsonPropertyName("ActionButton")]
    public InternalBrowserActionButton? ActionButton { get; set; }

    /// <summary>Gets or sets the URL used by the send or forward actions; at least one character.</summary>
    [JsonPropertyName("ActionPredefinedURL")]
    public string? ActionPredefinedUrl { get; set; }

    /// <summary>Gets or sets how the title is chosen.</summary>
    [JsonPropertyName("TitleType")]
    public InternalBrowserTitleType? TitleType { get; set; }

    /// <summary>Gets or sets a custom title, at most 15 characters; overrides <see cref="TitleType"/>.</summary>
    [JsonPropertyName("CustomTitle")]
    public string? CustomTitle { get; set; }

    /// <summary>Gets or sets the browser's size and orientation.</summary>
    [JsonPropertyName("Mode")]
    public InternalBrowserMode? Mode { get; set; }

    /// <summary>Gets or sets whether the footer is shown.</summary>
    [JsonPropertyName("FooterType")]
    public InternalBrowserFooterType? FooterType { get; set; }

    /// <summary>Gets or sets the data returned to the bot for <c>send-to-bot</c> (API version 6).</summary>
    [JsonPropertyName("ActionReplyData")]
    public string? ActionReplyData { get; set; }

    /// <summary>Gets or sets fields this library does not model, kept so they survive a round trip.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
