namespace Viber.AspNetCore;

/// <summary>When callback handlers run relative to the HTTP answer Viber waits for.</summary>
public enum ViberDispatchMode
{
    /// <summary>
    /// Handlers run before the answer: 200 when all succeeded, 500 when one threw (so Viber retries). At-least-once
    /// delivery without a queue of our own; handlers should finish within a few seconds.
    /// </summary>
    Inline = 0,

    /// <summary>
    /// The callback is queued and answered 200 at once (503 when the queue is full); workers run the handlers and
    /// the queue is drained on shutdown. A handler failure is logged but not retried by Viber.
    /// conversation_started always runs inline so a welcome message can be written into the answer.
    /// </summary>
    Background = 1,
}
