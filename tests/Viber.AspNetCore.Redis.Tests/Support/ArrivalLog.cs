using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>
/// Stands in for Viber's side of broadcast_message: records when each request arrives and answers success, so a test
/// can count the requests in any window as Viber would.
/// </summary>
/// <remarks>
/// Arrivals are read from the wall clock, as Viber's servers count, and that is also the clock the shared budget
/// counts on (Redis' <c>TIME</c>; the test's Redis runs on this machine). A monotonic clock here would disagree with
/// Redis whenever the machine's wall clock is stepped (a VM resumed from a pause), and the test would then count
/// windows that neither Viber nor the limiter sees.
/// </remarks>
public sealed class ArrivalLog
{
    private readonly ConcurrentQueue<long> _arrivals = new();

    /// <summary>Gets the arrival times, in UTC ticks, in order.</summary>
    public long[] Arrivals => [.. _arrivals.Order()];

    /// <summary>Gets the most requests that arrived within any span of <paramref name="window"/>.</summary>
    public int MaxInAnyWindow(TimeSpan window)
    {
        var arrivals = Arrivals;
        var most = 0;
        for (int first = 0, last = 0; first < arrivals.Length; first++)
        {
            while (last < arrivals.Length && arrivals[last] - arrivals[first] < window.Ticks)
            {
                last++;
            }

            most = Math.Max(most, last - first);
        }

        return most;
    }

    /// <summary>Describes the arrivals as milliseconds after the first, for a failure message.</summary>
    public string Describe()
    {
        var arrivals = Arrivals;
        return arrivals.Length == 0
            ? "no arrivals"
            : string.Join(", ", arrivals.Select(a => TimeSpan.FromTicks(a - arrivals[0]).TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)));
    }

    /// <summary>Creates the handler an instance's Viber client sends through.</summary>
    public HttpMessageHandler CreateHandler() => new Handler(this);

    private sealed class Handler(ArrivalLog log) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log._arrivals.Enqueue(TimeProvider.System.GetUtcNow().UtcTicks);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"status":0,"status_message":"ok","message_token":1}""", Encoding.UTF8, "application/json"),
            });
        }
    }
}
