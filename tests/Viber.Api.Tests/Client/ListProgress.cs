using System.Collections.Concurrent;

using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

/// <summary>Keeps every progress report as it is made (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class ListProgress : IProgress<ViberBroadcastProgress>
{
    private readonly Lock _lock = new();
    private readonly CountSignal _waiters = new();

    public ConcurrentQueue<ViberBroadcastProgress> Reports { get; } = new();

    public void Report(ViberBroadcastProgress value)
    {
        lock (_lock)
        {
            Reports.Enqueue(value);
            _waiters.Reached(Reports.Count);
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> reports were made: a request is reported after its permit was returned to the limiter.</summary>
    public Task WaitForReportsAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _waiters.WaitAsync(Reports.Count, count, cancellationToken);
        }
    }
}
