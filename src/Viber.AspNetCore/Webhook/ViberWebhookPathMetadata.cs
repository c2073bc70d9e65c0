namespace Viber.AspNetCore.Webhook;

/// <summary>
/// Marks a webhook endpoint mapped on a tail of the webhook path: it serves a request only when the request's
/// <c>PathBase + Path</c> is the whole webhook path, which <see cref="ViberWebhookMatcherPolicy"/> checks.
/// </summary>
/// <param name="Path">The webhook path.</param>
internal sealed record ViberWebhookPathMetadata(ViberWebhookPath Path);
