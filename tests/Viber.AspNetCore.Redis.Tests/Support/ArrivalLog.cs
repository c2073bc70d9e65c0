using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>
/// Stands in for Viber's side of broadcast_message: records when each request arrives (one monotonic clock for
/// every instance) and answers success, so a test can count the requests in any window as Viber would.
/// </summary>
public sealed class ArrivalLog
{
    private readonly ConcurrentQueue<long> _arrivals = new();

    /// <summary>Gets the arrival times, in <see cref="Stopwatch"/> ticks, in order.</summary>
    public long[] Arrivals => [.. _arrivals.Order()];

    /// <summary>Gets the most requests that arrived within any span of <paramref name="window"/>.</summary>
    public int MaxInAnyWindow(TimeSpan window)
    {
        var arrivals = Arrivals;
        var span = (long)(window.TotalSeconds * Stopwatch.Frequency);
        var most = 0;
        for (int first = 0, last = 0; first < arrivals.Length; first++)
        {
            while (last < arrivals.Length && arrivals[last] - arrivals[first] < span)
            {
                last++;
            }

            most = Math.Max(most, last - first);
        }

        return most;
    }

    /// <summary>Creates the handler an instance's Viber client sends through.</summary>
    public HttpMessageHandler CreateHandler() => new Handler(this);

    private sealed class Handler(ArrivalLog log) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            log._arrivals.Enqueue(Stopwatch.GetTimestamp());
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent("""{"status":0,"status_message":"ok","message_token":1}""", Encoding.UTF8, "application/json"),
            });
        }
    }
}
