namespace Viber.AspNetCore.Registration;

/// <summary>An immutable view of the registration state, swapped as a whole so readers never see a mix.</summary>
/// <param name="Status">The status.</param>
/// <param name="Attempts">The set_webhook calls made so far.</param>
/// <param name="Detail">The confirmed event types, or the last error's message (never containing the token).</param>
internal sealed record ViberWebhookRegistrationSnapshot(ViberWebhookRegistrationStatus Status, int Attempts, string? Detail);
