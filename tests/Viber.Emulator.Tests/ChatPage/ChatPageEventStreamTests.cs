using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Viber.Api;
using Viber.Emulator.ChatPage;
using Viber.Emulator.Events;

namespace Viber.Emulator.Tests.ChatPage;

/// <summary>The page's live feed: <c>GET /viber-emulator/api/events</c> as server-sent events.</summary>
public sealed class ChatPageEventStreamTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_emulator_event_arrives_as_one_data_line_with_its_sequence_as_the_id()
    {
        await using var host = await ChatPageHost.StartAsync();
        using var response = await OpenAsync(host, "api/events");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        var opening = await events.ReadFrameAsync(Ct);

        var id = await host.CreateUserAsync("Ann");
        var frame = await ReadFrameAsync(events, data => data.GetProperty("kind").GetString() == "user");
        var data = frame.Data!.Value;

        Assert.Equal("text/event-stream; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal(["retry: 2000"], opening!.Lines);
        Assert.Equal(id, data.GetProperty("userId").GetString());
        Assert.True(data.GetProperty("refreshUsers").GetBoolean());
        Assert.Contains("Created", data.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Equal(host.Emulator.Events.Single(e => e is UserChangedEvent).Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), frame.Id);
        Assert.Equal(frame.Id, data.GetProperty("seq").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_failed_send_is_an_api_event_with_its_status_and_status_message()
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync("Ann");
        using var response = await OpenAsync(host, "api/events");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        await events.ReadFrameAsync(Ct);

        var answer = await host.Harness.SendTextAsync(id, "too early");
        var data = (await ReadFrameAsync(events, d => d.GetProperty("kind").GetString() == "api")).Data!.Value;

        Assert.Equal(ViberStatus.ReceiverNotSubscribed, answer.Status);
        Assert.False(data.GetProperty("ok").GetBoolean());
        Assert.Equal(id, data.GetProperty("userId").GetString());
        Assert.StartsWith("receiverNotSubscribed: ", answer.StatusMessage, StringComparison.Ordinal);
        Assert.Equal("send_message → status 6: " + answer.StatusMessage, data.GetProperty("summary").GetString());
        var detail = data.GetProperty("detail").GetString()!;
        Assert.Contains("\"text\": \"too early\"", detail, StringComparison.Ordinal);
        Assert.Contains("\"status\": 6", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Callback_attempts_are_callback_events_with_the_webhooks_answer()
    {
        await using var host = await ChatPageHost.StartAsync();
        var id = await host.CreateUserAsync("Ann");
        host.Harness.Webhook.Respond = _ => new HttpResponseMessage(HttpStatusCode.InternalServerError);
        using var response = await OpenAsync(host, "api/events");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        await events.ReadFrameAsync(Ct);

        await host.PostAsync($"api/users/{id}/subscribe");
        var attempt = (await ReadFrameAsync(events, d => d.GetProperty("kind").GetString() == "callback")).Data!.Value;
        var retry = (await ReadFrameAsync(events, d => d.GetProperty("kind").GetString() == "callback")).Data!.Value;

        Assert.Matches("^subscribed #[0-9]{19} → HTTP 500$", attempt.GetProperty("summary").GetString());
        Assert.False(attempt.GetProperty("ok").GetBoolean());
        Assert.Contains("\"event\": \"subscribed\"", attempt.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Matches("^subscribed #[0-9]{19} will be posted again in [0-9.]+ s \\(attempt 2\\)$", retry.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task History_starts_with_the_last_events_and_Last_Event_ID_resumes_after_the_one_seen()
    {
        await using var host = await ChatPageHost.StartAsync();
        var ann = await host.CreateUserAsync("Ann");
        var bob = await host.CreateUserAsync("Bob");
        var annCreated = host.Emulator.Events.OfType<UserChangedEvent>().Single(e => e.UserId == ann).Sequence;

        using var last = await OpenAsync(host, "api/events?history=1");
        using var lastEvents = new SseReader(await last.Content.ReadAsStreamAsync(Ct));
        var first = await ReadFrameAsync(lastEvents, _ => true);
        using var resumed = await OpenAsync(host, "api/events", lastEventId: annCreated);
        using var resumedEvents = new SseReader(await resumed.Content.ReadAsStreamAsync(Ct));
        var next = await ReadFrameAsync(resumedEvents, _ => true);

        Assert.Equal(bob, first.Data!.Value.GetProperty("userId").GetString());
        Assert.Equal(bob, next.Data!.Value.GetProperty("userId").GetString());
        Assert.True(long.Parse(next.Id!, System.Globalization.CultureInfo.InvariantCulture) > annCreated);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1001")]
    public async Task A_bad_history_count_is_400(string history)
    {
        await using var host = await ChatPageHost.StartAsync();

        var (status, error) = await host.GetAsync("api/events?history=" + history);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("history", error.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quiet_stream_sends_heartbeat_comments()
    {
        ChatPageEventStream? stream = null;
        await using var host = await ChatPageHost.StartAsync(map: app => app.MapGet("/fake-clock-events", context => stream!.HandleAsync(context)));
        stream = new ChatPageEventStream(host.Emulator, host.Harness.Time, TimeSpan.FromSeconds(15));
        using var response = await OpenAsync(host, "/fake-clock-events");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        await events.ReadFrameAsync(Ct);

        // The timer exists before the first bytes are written, so the fake clock can be moved at once.
        host.Harness.Time.Advance(TimeSpan.FromSeconds(15));
        var heartbeat = await events.ReadFrameAsync(Ct);

        Assert.True(heartbeat!.IsComment);
        Assert.Equal([": heartbeat"], heartbeat.Lines);
    }

    [Fact]
    public async Task The_stream_ends_when_the_emulator_is_disposed()
    {
        await using var host = await ChatPageHost.StartAsync();
        using var response = await OpenAsync(host, "api/events");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync(Ct));
        await events.ReadFrameAsync(Ct);

        await host.Emulator.DisposeAsync();

        Assert.Null(await events.ReadFrameAsync(Bounded()));
    }

    [Fact]
    public async Task On_Kestrel_a_browser_leaving_and_the_app_stopping_end_streams_without_warnings_or_errors()
    {
        await using var host = await ChatPageHost.StartAsync(kestrel: true);
        var left = await OpenAsync(host, "api/events");
        using (var leftEvents = new SseReader(await left.Content.ReadAsStreamAsync(Ct)))
        {
            await leftEvents.ReadFrameAsync(Ct);
        }

        left.Dispose();
        using var open = await OpenAsync(host, "api/events");
        using var openEvents = new SseReader(await open.Content.ReadAsStreamAsync(Ct));
        await openEvents.ReadFrameAsync(Ct);
        await host.CreateUserAsync();
        await ReadFrameAsync(openEvents, d => d.GetProperty("kind").GetString() == "user");

        await host.StopAsync();

        Assert.Null(await openEvents.ReadFrameAsync(Bounded()));
        Assert.Empty(host.Logs.Entries);
    }

    private static async Task<HttpResponseMessage> OpenAsync(ChatPageHost host, string path, long? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    private static async Task<SseFrame> ReadFrameAsync(SseReader events, Func<JsonElement, bool> predicate)
    {
        var token = Bounded();
        while (await events.ReadFrameAsync(token) is { } frame)
        {
            if (frame.Data is { } data && predicate(data))
            {
                return frame;
            }
        }

        throw new InvalidOperationException("The event stream ended before a matching event.");
    }

    /// <summary>A bound on waiting for the stream, so a regression fails instead of hanging; not a timing assertion.</summary>
    private static CancellationToken Bounded()
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        source.CancelAfter(TimeSpan.FromSeconds(20));
        return source.Token;
    }
}
