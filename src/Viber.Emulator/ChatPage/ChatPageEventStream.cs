using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Viber.Emulator.Events;

namespace Viber.Emulator.ChatPage;

/// <summary>
/// <c>GET api/events</c>: the emulator's event feed as server-sent events, one <c>data: {json}</c> per event with its
/// sequence as the event id, and a comment line as a heartbeat so proxies and browsers keep the connection. It ends
/// quietly when the browser goes away, the app stops or the emulator is disposed.
/// </summary>
/// <remarks>
/// <c>?history=N</c> starts with the last N events (the side panel's backlog); a reconnecting browser's
/// <c>Last-Event-ID</c> resumes after that event instead, so nothing in the emulator's history is missed.
/// </remarks>
internal sealed class ChatPageEventStream(ViberEmulator emulator, TimeProvider clock, TimeSpan heartbeatInterval)
{
    /// <summary>The most history events a stream starts with.</summary>
    public const int MaxHistory = 1000;

    /// <summary>The heartbeat of the page's stream, on the wall clock (the emulator's clock may be a test's fake one).</summary>
    public static readonly TimeSpan DefaultHeartbeatInterval = TimeSpan.FromSeconds(15);

    private static readonly byte[] Heartbeat = ": heartbeat\n\n"u8.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        var after = StartAfter(context.Request);
        var lifetime = context.RequestServices.GetService<IHostApplicationLifetime>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime?.ApplicationStopping ?? CancellationToken.None);
        var token = stop.Token;

        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var events = emulator.Subscribe(includeHistory: after is not null, token).GetAsyncEnumerator(token);
        using var timer = new PeriodicTimer(heartbeatInterval, clock);
        Task<bool>? next = null;
        Task<bool>? tick = null;
        try
        {
            // Subscribe before the first bytes go out: the feed's iterator registers on its first MoveNextAsync, and
            // a client that reacts to the open stream must not act before the subscription exists (its events would
            // be lost). Then the first bytes go out at once, so EventSource opens without waiting for an event.
            next = events.MoveNextAsync().AsTask();
            tick = timer.WaitForNextTickAsync(token).AsTask();
            await WriteAsync(response, "retry: 2000\n\n"u8.ToArray(), token).ConfigureAwait(false);
            while (true)
            {
                if (await Task.WhenAny(next, tick).ConfigureAwait(false) == next)
                {
                    if (!await next.ConfigureAwait(false))
                    {
                        return; // The emulator was disposed: its feed ended.
                    }

                    var e = events.Current;
                    if (after is null || e.Sequence > after)
                    {
                        await WriteAsync(response, Frame(e), token).ConfigureAwait(false);
                    }

                    next = events.MoveNextAsync().AsTask();
                }
                else
                {
                    await tick.ConfigureAwait(false);
                    await WriteAsync(response, Heartbeat, token).ConfigureAwait(false);
                    tick = timer.WaitForNextTickAsync(token).AsTask();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The browser went away or the app is stopping: the normal end of a stream, not an error.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // A write raced the browser's disconnect: the same normal end.
        }
        finally
        {
            // The enumerator may only be disposed once no MoveNextAsync is pending: cancel, then let both settle.
            await stop.CancelAsync().ConfigureAwait(false);
            if (next is not null)
            {
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (tick is not null)
            {
                await ((Task)tick).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The sequence after which events are sent, or <see langword="null"/> for live events only.</summary>
    private long? StartAfter(HttpRequest request)
    {
        if (long.TryParse(request.Headers["Last-Event-ID"], NumberStyles.None, CultureInfo.InvariantCulture, out var lastSeen))
        {
            return lastSeen;
        }

        var history = request.Query["history"];
        if (history.Count == 0)
        {
            return null;
        }

        if (!int.TryParse(history, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > MaxHistory)
        {
            throw new ChatPageProblem(StatusCodes.Status400BadRequest, $"history must be a number of events from 0 to {MaxHistory}.");
        }

        // Events published after this snapshot have larger sequences, so none falls between history and live.
        var past = emulator.Events;
        return past.Count == 0 ? 0 : past[^1].Sequence - count;
    }

    private static byte[] Frame(EmulatorEvent e)
    {
        // Serialized JSON has no raw line breaks (they are escaped in strings), so one data line carries it whole.
        var json = JsonSerializer.SerializeToUtf8Bytes(PageEvents.From(e), ChatPageJsonContext.Default.PageEvent);
        var id = Encoding.ASCII.GetBytes(e.Sequence.ToString(CultureInfo.InvariantCulture));
        return [.. "id: "u8, .. id, .. "\ndata: "u8, .. json, .. "\n\n"u8];
    }

    private static async Task WriteAsync(HttpResponse response, byte[] bytes, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
