using Viber.Api.Tests.Support;

namespace Viber.Api.Tests.Client;

/// <summary>
/// A responder for <see cref="RecordingHandler"/> that holds every request until the test releases it, counting how
/// many are held at once (and the most ever), so a test can see requests in flight together and answer them in any
/// order. A held request ends when its token is cancelled; <see cref="Ended"/> counts those that ended either way.
/// </summary>
internal sealed class HeldResponses(Func<RecordingHandler.Request, HttpResponseMessage> answer)
{
    private readonly Lock _lock = new();
    private readonly List<(RecordingHandler.Request Request, TaskCompletionSource Release)> _held = [];
    private readonly CountSignal _waiters = new();
    private int _maxHeld;
    private bool _open;
    private int _ended;

    public int MaxHeld
    {
        get
        {
            lock (_lock)
            {
                return _maxHeld;
            }
        }
    }

    public int Ended => Volatile.Read(ref _ended);

    /// <summary>Gets the indexes of the requests held now, in arrival order.</summary>
    public IReadOnlyList<int> Held
    {
        get
        {
            lock (_lock)
            {
                return [.. _held.Select(h => h.Request.Index)];
            }
        }
    }

    public async Task<HttpResponseMessage> RespondAsync(RecordingHandler.Request request, CancellationToken cancellationToken)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_open)
            {
                release.SetResult();
            }
            else
            {
                _held.Add((request, release));
                _maxHeld = Math.Max(_maxHeld, _held.Count);
                _waiters.Reached(_held.Count);
            }
        }

        try
        {
            await release.Task.WaitAsync(cancellationToken);
            return answer(request);
        }
        finally
        {
            lock (_lock)
            {
                _held.RemoveAll(h => h.Release == release);
            }

            Interlocked.Increment(ref _ended);
        }
    }

    /// <summary>Completes when at least <paramref name="count"/> requests are held at once.</summary>
    public Task WaitForHeldAsync(int count, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _waiters.WaitAsync(_held.Count, count, cancellationToken);
        }
    }

    /// <summary>Answers the held requests with these arrival indexes, in the order given.</summary>
    public void Release(params IEnumerable<int> indexes)
    {
        foreach (var index in indexes)
        {
            TaskCompletionSource release;
            lock (_lock)
            {
                var held = _held.Single(h => h.Request.Index == index);
                _held.Remove(held);
                release = held.Release;
            }

            release.SetResult();
        }
    }

    /// <summary>Answers the held requests, newest first, and every later request at once.</summary>
    public void ReleaseAll()
    {
        List<TaskCompletionSource> releases;
        lock (_lock)
        {
            _open = true;
            releases = [.. _held.Select(h => h.Release).Reverse()];
            _held.Clear();
        }

        releases.ForEach(release => release.SetResult());
    }
}
