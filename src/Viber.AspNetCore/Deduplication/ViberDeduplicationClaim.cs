namespace Viber.AspNetCore.Deduplication;

/// <summary>The answer of <see cref="IViberDeduplicationStore.TryClaimAsync"/>.</summary>
public enum ViberDeduplicationClaim
{
    /// <summary>The key was free and is now claimed: run the handlers, then complete or release it.</summary>
    Claimed = 0,

    /// <summary>The callback was already handled: answer 200 without running the handlers.</summary>
    Completed = 1,

    /// <summary>
    /// The callback is being handled right now (a retry overtook the first delivery): answer 503 so Viber retries
    /// again later. Answering 200 would lose the callback if the first delivery's handlers then fail.
    /// </summary>
    InProgress = 2,
}
