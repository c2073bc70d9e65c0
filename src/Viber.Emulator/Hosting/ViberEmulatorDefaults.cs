namespace Viber.Emulator.Hosting;

/// <summary>Paths and addresses the emulator's hosting uses unless told otherwise.</summary>
public static class ViberEmulatorDefaults
{
    /// <summary>The path the fake Bot API is served under, like Viber's <c>https://chatapi.viber.com/pa/</c>.</summary>
    public const string ApiPath = "/pa/";

    /// <summary>Where <c>MapViberEmulator</c> puts the emulator inside an app; the API is then under <c>/viber-emulator/pa/</c>.</summary>
    public const string AppPath = "/viber-emulator";

    /// <summary>The <c>Viber:ApiBaseUrl</c> a bot under WebApplicationFactory gets; its HttpClients are routed in-process, so the host is never resolved.</summary>
    public const string InProcessApiBaseUrl = "http://localhost/pa/";

    /// <summary>The <c>Viber:WebhookUrl</c> a bot under WebApplicationFactory gets; callbacks reach it through the TestServer.</summary>
    public const string InProcessWebhookUrl = "http://localhost/viber/webhook";
}
