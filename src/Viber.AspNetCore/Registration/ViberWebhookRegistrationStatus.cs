namespace Viber.AspNetCore.Registration;

/// <summary>Where webhook registration stands.</summary>
internal enum ViberWebhookRegistrationStatus
{
    /// <summary>Waiting for the server to listen, or the first set_webhook call is under way.</summary>
    Pending = 0,

    /// <summary>set_webhook failed with an error worth retrying; a retry is scheduled.</summary>
    Retrying = 1,

    /// <summary>Viber accepted the webhook.</summary>
    Registered = 2,

    /// <summary>set_webhook failed with an error retrying cannot fix (a wrong token, a blocked account).</summary>
    Failed = 3,

    /// <summary>Registration is turned off (<c>Viber:RegisterWebhook</c> is false).</summary>
    Disabled = 4,
}
