using Microsoft.Extensions.ObjectPool;

namespace Viber.AspNetCore.Webhook;

/// <summary>
/// The cancellation sources that bound an inline callback's handlers by <see cref="ViberBotOptions.HandlerTimeout"/>.
/// On the system clock a source whose handlers finished before it fired is reset and serves a later callback, as
/// Kestrel reuses a request's <c>RequestAborted</c> source: a callback then allocates no source and no timer. A source
/// that was cancelled (the timeout or the shutdown deadline) cannot be reset and is disposed.
/// </summary>
/// <remarks>
/// Any other <see cref="TimeProvider"/> (a test's fake clock) gets a new source per callback: only a source created with
/// a delay keeps the provider's timer, so a pooled source would fall back to the system clock.
/// </remarks>
internal sealed class HandlerTimeoutSources
{
    // Enough for every callback in flight under a load test's 32 connections to take a pooled source, few enough
    // that an idle app holds no more than some kilobytes.
    private const int MaximumRetained = 256;

    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ObjectPool<CancellationTokenSource>? _pool;

    /// <summary>Initializes a new instance of the <see cref="HandlerTimeoutSources"/> class.</summary>
    /// <param name="timeout">The handler timeout, or <see cref="Timeout.InfiniteTimeSpan"/> for none.</param>
    /// <param name="time">The clock that times it out.</param>
    public HandlerTimeoutSources(TimeSpan timeout, TimeProvider time)
    {
        _timeout = timeout;
        _time = time;
        if (time == TimeProvider.System)
        {
            _pool = new DefaultObjectPoolProvider { MaximumRetained = MaximumRetained }.Create(new ResettingPolicy());
        }
    }

    /// <summary>Gets a source that cancels after the handler timeout. Give it back with <see cref="Return"/>.</summary>
    /// <returns>The source.</returns>
    public CancellationTokenSource Rent()
    {
        if (_pool is null)
        {
            return new CancellationTokenSource(_timeout, _time);
        }

        var source = _pool.Get();
        source.CancelAfter(_timeout);
        return source;
    }

    /// <summary>
    /// Takes a source back once the handlers that held its token have returned and nothing can cancel it any more
    /// (the shutdown registration is disposed): reset for a later callback, or disposed.
    /// </summary>
    /// <param name="source">A source from <see cref="Rent"/>.</param>
    public void Return(CancellationTokenSource source)
    {
        if (_pool is null)
        {
            source.Dispose();
            return;
        }

        // DefaultObjectPoolProvider makes a disposing pool for a disposable type: a source that cannot be reset
        // (it was cancelled), or one beyond MaximumRetained, is disposed there.
        _pool.Return(source);
    }

    private sealed class ResettingPolicy : PooledObjectPolicy<CancellationTokenSource>
    {
        public override CancellationTokenSource Create() => new();

        // TryReset stops the timer and drops the token's registrations; it refuses a source that was cancelled, or
        // whose timer already fired.
        public override bool Return(CancellationTokenSource obj) => obj.TryReset();
    }
}
