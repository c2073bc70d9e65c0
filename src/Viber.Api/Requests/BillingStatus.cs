namespace Viber.Api.Requests;

/// <summary>How a sent message is categorized for billing (<c>billing_status</c>).</summary>
public enum BillingStatus
{
    /// <summary>0: default (chat extension, reply to an open conversation, ...).</summary>
    Default = 0,

    /// <summary>1: 1:1 message sent in a session by a non-billable bot.</summary>
    InSessionNonBillableBot = 1,

    /// <summary>2: 1:1 message sent in a session by a billable bot.</summary>
    InSessionForBillableBot = 2,

    /// <summary>3: free out-of-session 1:1 message of a non-billable bot.</summary>
    OutOfSessionFreeMessageNonBillableBot = 3,

    /// <summary>4: free out-of-session 1:1 message of a billable bot.</summary>
    OutOfSessionFreeMessageForBillableBot = 4,

    /// <summary>5: charged out-of-session 1:1 message.</summary>
    OutOfSessionBilledMessage = 5,
}
