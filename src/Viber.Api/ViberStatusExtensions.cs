namespace Viber.Api;

/// <summary>Helpers for <see cref="ViberStatus"/>.</summary>
public static class ViberStatusExtensions
{
    /// <summary>Gets a value indicating whether Viber documents this code (0–24); any other is a general error.</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for a documented code.</returns>
    public static bool IsDocumented(this ViberStatus status) => status is >= ViberStatus.Ok and <= ViberStatus.NoBalance;

    /// <summary>Gets a value indicating whether a request with this status is worth retrying later (rate control).</summary>
    /// <param name="status">The status.</param>
    /// <returns><see langword="true"/> for <see cref="ViberStatus.TooManyRequests"/>.</returns>
    public static bool IsTransient(this ViberStatus status) => status == ViberStatus.TooManyRequests;
}
