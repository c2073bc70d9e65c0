using System.Globalization;
using Viber.Api;

namespace Viber.AspNetCore.Users;

/// <summary>
/// A user's details were asked for, none are cached, and Viber's get_user_details quota for that user (2 calls per
/// 12 hours) is spent, so no call was made. <see cref="NextCallAt"/> says when a call is allowed again.
/// </summary>
public sealed class ViberUserDetailsQuotaExceededException : ViberException
{
    /// <summary>Initializes a new instance of the <see cref="ViberUserDetailsQuotaExceededException"/> class.</summary>
    /// <param name="nextCallAt">When a call is allowed again, if known.</param>
    /// <param name="innerException">Viber's refusal, when Viber itself counted the calls (another instance made them).</param>
    public ViberUserDetailsQuotaExceededException(DateTimeOffset? nextCallAt, Exception? innerException = null)
        : base(FormatMessage(nextCallAt), innerException)
    {
        NextCallAt = nextCallAt;
    }

    /// <summary>Gets when a get_user_details call for the user is allowed again, if known.</summary>
    public DateTimeOffset? NextCallAt { get; }

    private static string FormatMessage(DateTimeOffset? nextCallAt)
    {
        var rule = string.Create(
            CultureInfo.InvariantCulture,
            $"Viber allows get_user_details {ViberUserDetailsOptions.CallsPerWindow} times per user per {ViberUserDetailsOptions.QuotaWindow.TotalHours} hours; both calls for this user were made and no answer is cached.");
        return nextCallAt is { } at
            ? rule + string.Create(CultureInfo.InvariantCulture, $" The next call is allowed at {at.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC.")
            : rule + " Viber refused the call (tooManyRequests): another instance or app made them, so when the quota frees is not known here.";
    }
}
