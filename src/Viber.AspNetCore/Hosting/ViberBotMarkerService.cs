namespace Viber.AspNetCore.Hosting;

/// <summary>Registered once by <c>AddViberBot()</c>: makes it idempotent and lets the webhook mapping say when it is missing.</summary>
internal sealed class ViberBotMarkerService;
