namespace Viber.AspNetCore.Background;

/// <summary>What <see cref="IViberBackgroundQueue.EnqueueAsync"/> did with a callback.</summary>
internal enum ViberEnqueueResult
{
    /// <summary>Queued: the webhook answers 200.</summary>
    Queued,

    /// <summary>
    /// Refused: the queue is full (in memory: the worker's channel, <c>Viber:BackgroundQueueCapacity</c>; Redis: the
    /// partition's stream at its length bound) or closed for shutdown.
    /// </summary>
    Full,

    /// <summary>
    /// Refused: the worker's queue already holds as much as it is expected to handle within the shutdown timeout,
    /// so a callback answered 200 now could be lost if the app stopped.
    /// </summary>
    OverDrainBudget,
}
