namespace Viber.Api;

/// <summary>The relative paths of the Bot API methods.</summary>
public static class ViberApiMethods
{
    /// <summary>set_webhook.</summary>
    public const string SetWebhook = "set_webhook";

    /// <summary>send_message.</summary>
    public const string SendMessage = "send_message";

    /// <summary>broadcast_message.</summary>
    public const string BroadcastMessage = "broadcast_message";

    /// <summary>get_account_info.</summary>
    public const string GetAccountInfo = "get_account_info";

    /// <summary>get_user_details.</summary>
    public const string GetUserDetails = "get_user_details";

    /// <summary>get_online.</summary>
    public const string GetOnline = "get_online";

    /// <summary>Gets every Bot API method above, in one list for the code that needs them all (URIs, metric tags).</summary>
    internal static string[] All { get; } = [SetWebhook, SendMessage, BroadcastMessage, GetAccountInfo, GetUserDetails, GetOnline];

    /// <summary>The header that carries the auth token.</summary>
    public const string AuthTokenHeader = "X-Viber-Auth-Token";

    /// <summary>The header that carries a callback's signature.</summary>
    public const string SignatureHeader = "X-Viber-Content-Signature";

    /// <summary>The default API base address.</summary>
    public const string DefaultBaseAddress = "https://chatapi.viber.com/pa/";
}
