namespace Viber.Benchmarks.Webhook;

/// <summary>What <see cref="NoOpDeliveredHandler"/> does: a singleton, as a handler's options are.</summary>
/// <param name="Yield">Whether the handler yields to the thread pool.</param>
public sealed record NoOpHandlerSettings(bool Yield);
