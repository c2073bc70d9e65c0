namespace Viber.AspNetCore.Handlers;

/// <summary>How processing a claimed callback ended.</summary>
internal enum ViberProcessOutcome
{
    /// <summary>Every handler succeeded; the key is completed. Answer 200.</summary>
    Succeeded = 0,

    /// <summary>A handler threw; the key is released. Answer 500 so Viber retries.</summary>
    Failed = 1,

    /// <summary>The app is stopping and the handlers were cancelled; the key is released. Answer 503.</summary>
    Cancelled = 2,
}
