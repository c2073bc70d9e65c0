namespace Viber.Api.Requests;

/// <summary>A user's online status code.</summary>
public enum OnlineStatus
{
    /// <summary>0: online.</summary>
    Online = 0,

    /// <summary>1: offline.</summary>
    Offline = 1,

    /// <summary>2: undisclosed — the user hides their status.</summary>
    Undisclosed = 2,

    /// <summary>3: try later — Viber's internal error.</summary>
    TryLater = 3,

    /// <summary>4: unavailable — not a Viber user, unsubscribed or unregistered.</summary>
    Unavailable = 4,
}
