namespace Viber.Api;

/// <summary>
/// The <c>status</c> Viber returns with every API response. Codes Viber documents as "other: general error"
/// arrive as their numeric value; <see cref="ViberStatusExtensions.IsDocumented"/> tells them apart.
/// </summary>
public enum ViberStatus
{
    /// <summary>0: success.</summary>
    Ok = 0,

    /// <summary>1: the webhook URL is not valid (or did not answer 200 to the availability check).</summary>
    InvalidUrl = 1,

    /// <summary>2: the authentication token is not valid.</summary>
    InvalidAuthToken = 2,

    /// <summary>3: there is an error in the request itself.</summary>
    BadData = 3,

    /// <summary>4: some mandatory data is missing.</summary>
    MissingData = 4,

    /// <summary>5: the receiver is not registered to Viber.</summary>
    ReceiverNotRegistered = 5,

    /// <summary>6: the receiver is not subscribed to the account.</summary>
    ReceiverNotSubscribed = 6,

    /// <summary>7: the account is blocked.</summary>
    PublicAccountBlocked = 7,

    /// <summary>8: the account associated with the token is not an account.</summary>
    PublicAccountNotFound = 8,

    /// <summary>9: the account is suspended.</summary>
    PublicAccountSuspended = 9,

    /// <summary>10: no webhook was set for the account.</summary>
    WebhookNotSet = 10,

    /// <summary>11: the receiver's device or Viber version does not support accounts.</summary>
    ReceiverNoSuitableDevice = 11,

    /// <summary>12: rate control breach.</summary>
    TooManyRequests = 12,

    /// <summary>13: the user's devices support a lower API version than the message's min_api_version.</summary>
    ApiVersionNotSupported = 13,

    /// <summary>14: min_api_version is not compatible with the message fields.</summary>
    IncompatibleWithVersion = 14,

    /// <summary>15: the account is not authorized.</summary>
    PublicAccountNotAuthorized = 15,

    /// <summary>16: inline message not allowed.</summary>
    InchatReplyMessageNotAllowed = 16,

    /// <summary>17: the account is not inline.</summary>
    PublicAccountIsNotInline = 17,

    /// <summary>18: the bot is missing a Public Chat interface.</summary>
    NoPublicChat = 18,

    /// <summary>19: cannot send broadcast message.</summary>
    CannotSendBroadcast = 19,

    /// <summary>20: attempt to send a broadcast message from the bot.</summary>
    BroadcastNotAllowed = 20,

    /// <summary>21: the message is not supported in the destination country.</summary>
    UnsupportedCountry = 21,

    /// <summary>22: the bot does not support payment messages.</summary>
    PaymentUnsupported = 22,

    /// <summary>23: the bot has reached the monthly threshold.</summary>
    FreeMessagesExceeded = 23,

    /// <summary>24: no balance for a billable bot.</summary>
    NoBalance = 24,
}
