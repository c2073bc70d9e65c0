namespace Viber.AspNetCore.Registration;

/// <summary>The registration state shared by the registration service (writer) and the health check (reader).</summary>
internal sealed class ViberWebhookRegistrationState
{
    private ViberWebhookRegistrationSnapshot _current = new(ViberWebhookRegistrationStatus.Pending, 0, null);

    /// <summary>Gets the current state.</summary>
    public ViberWebhookRegistrationSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Replaces the state.</summary>
    /// <param name="status">The new status.</param>
    /// <param name="attempts">The set_webhook calls made so far.</param>
    /// <param name="detail">The event types or the last error.</param>
    public void Set(ViberWebhookRegistrationStatus status, int attempts, string? detail)
        => Volatile.Write(ref _current, new ViberWebhookRegistrationSnapshot(status, attempts, detail));
}
