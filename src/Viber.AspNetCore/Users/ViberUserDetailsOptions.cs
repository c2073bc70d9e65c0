namespace Viber.AspNetCore.Users;

/// <summary>
/// How long get_user_details answers are trusted and kept, bound from <c>Viber:UserDetails</c> (the bot's
/// configuration section, then <c>UserDetails</c>) wherever <c>AddViberBot</c> binds the bot's options; settings made
/// with <c>ConfigureUserDetails</c> win.
/// </summary>
public sealed class ViberUserDetailsOptions
{
    /// <summary>The sub-section of the bot's configuration section these options bind from.</summary>
    public const string SectionName = "UserDetails";

    /// <summary>The get_user_details calls Viber allows per user per <see cref="QuotaWindow"/> (REST Bot API, get_user_details).</summary>
    public const int CallsPerWindow = 2;

    /// <summary>The window of Viber's get_user_details quota: 12 hours.</summary>
    public static readonly TimeSpan QuotaWindow = TimeSpan.FromHours(12);

    /// <summary>
    /// Gets or sets the age after which a cached answer is fetched again when the quota allows; 12 hours by default,
    /// so a steady reader spends one call per window and keeps one for <c>RefreshAsync</c>.
    /// </summary>
    public TimeSpan RefreshAfter { get; set; } = QuotaWindow;

    /// <summary>
    /// Gets or sets how long an answer is kept to be returned when the quota is spent; 7 days by default. At least
    /// <see cref="RefreshAfter"/>.
    /// </summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets the most users the in-memory store tracks (answers and call counts); past it the user touched
    /// longest ago is forgotten first. 100,000 by default.
    /// </summary>
    public int Capacity { get; set; } = 100_000;
}
