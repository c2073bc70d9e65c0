namespace Viber.LoadBot;

/// <summary>Settings shared by the load benchmark's programs.</summary>
internal static class LoadBotDefaults
{
    /// <summary>The bot token every program signs and verifies with (a benchmark secret, not a real token).</summary>
    public const string Token = "load-test-token-0123456789";

    /// <summary>The fake API's default base address.</summary>
    public const string ApiBaseUrl = "http://127.0.0.1:5098/pa/";

    /// <summary>The path every bot and the floor serve the webhook on.</summary>
    public const string WebhookPath = "/viber/webhook";
}
