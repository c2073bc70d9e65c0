namespace Viber.AspNetCore.Users;

/// <summary>The answer of <see cref="IViberUserDetailsStore.TryRecordCallAsync"/>.</summary>
/// <param name="Granted">Whether the call was counted and may be made.</param>
/// <param name="NextCallAt">When not granted: when the oldest counted call leaves the window and a call is allowed again.</param>
public readonly record struct ViberUserDetailsCallPermit(bool Granted, DateTimeOffset? NextCallAt);
