using System.Diagnostics;

namespace Viber.Fleet.Tests.Support;

/// <summary>
/// Delivers callbacks as Viber does: POST, and re-send anything but 200 (a refused connection included) until it is
/// answered 200, here after 100 ms instead of Viber's growing intervals, and to the next instance, as a load balancer
/// would spread the retries. Counts every answer.
/// </summary>
public sealed class ViberDelivery(IReadOnlyList<IWebhookTarget> instances)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private int _sent;
    private int _answered200;
    private int _answered503;
    private int _otherFailures;
    private int _next;

    public int Sent => _sent;

    public int Answered200 => _answered200;

    public int Answered503 => _answered503;

    /// <summary>Gets the attempts answered neither 200 nor 503, refused connections included.</summary>
    public int OtherFailures => _otherFailures;

    /// <summary>Delivers one callback, starting with the given instance (or the next in turn), until it is answered 200.</summary>
    public async Task DeliverAsync(byte[] body, CancellationToken cancellationToken, int? first = null)
    {
        Interlocked.Increment(ref _sent);
        var instance = first ?? Interlocked.Increment(ref _next);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var status = await instances[instance % instances.Count].PostCallbackAsync(body, cancellationToken);
            if (status == 200)
            {
                Interlocked.Increment(ref _answered200);
                return;
            }

            Interlocked.Increment(ref status == 503 ? ref _answered503 : ref _otherFailures);
            if (deadline.Elapsed > Deadline)
            {
                throw new TimeoutException($"A callback was not answered 200 within {Deadline} (last answer {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "connection refused"}).");
            }

            instance++;
            await Task.Delay(RetryDelay, cancellationToken);
        }
    }

    /// <summary>Delivers every callback, at most <paramref name="inFlight"/> at a time, each until it is answered 200.</summary>
    public async Task DeliverAllAsync(IEnumerable<byte[]> bodies, int inFlight, CancellationToken cancellationToken)
    {
        using var slots = new SemaphoreSlim(inFlight);
        await Task.WhenAll(bodies.Select(async body =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                await DeliverAsync(body, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
    }

    public override string ToString() => $"sent {Sent}, answered 200 {Answered200}, answered 503 {Answered503} times, other failed attempts {OtherFailures}";
}
