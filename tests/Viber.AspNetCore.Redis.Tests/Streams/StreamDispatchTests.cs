using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StackExchange.Redis;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Redis.Streams;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests.Streams;

/// <summary>
/// Background dispatch over Redis Streams on one instance with a real redis-server: a callback is in the stream
/// before its 200, acknowledged after its handlers succeed, retried and dead-lettered when they keep failing, and
/// never answered 200 when it could not be stored.
/// </summary>
public sealed class StreamDispatchTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RedisKey Stream => _prefix + "stream:0";

    private RedisKey DeadLetters => _prefix + "stream:dead";

    private Task<StreamBot> StartAsync(Func<MessageCallback, CancellationToken, Task> handle, Action<RedisViberStreamOptions>? configure = null)
        => StreamBot.StartAsync(redis.ConnectionString, _prefix, "instance-a", handle, configure);

    private static string Text(MessageCallback callback) => ((TextMessage)callback.Message!).Text!;

    [Fact]
    public async Task An_accepted_callback_is_in_the_stream_when_the_200_arrives_and_is_acknowledged_after_its_handlers_succeed()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await StartAsync(async (callback, ct) =>
        {
            entered.TrySetResult();
            await release.Task.WaitAsync(ct);
            handled.TrySetResult(Text(callback));
        });
        var database = await bot.DatabaseAsync();
        var body = Callbacks.Json(Callbacks.Text("stored first"));

        using var response = await bot.PostAsync(body);

        // The handler cannot have finished (it waits for the test), so the entry seen now was there before the 200.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entries = await database.StreamRangeAsync(Stream);
        var entry = Assert.Single(entries);
        Assert.Equal(body, (byte[])entry["body"]!);
        Assert.Equal("message", entry["event"].ToString());

        await entered.Task.WaitAsync(Eventually.Timeout, Cancel);
        var pending = await database.StreamPendingAsync(Stream, "viber");
        Assert.Equal(1, pending.PendingMessageCount);
        Assert.Equal("instance-a", pending.Consumers.Single().Name.ToString());

        release.SetResult();
        Assert.Equal("stored first", await handled.Task.WaitAsync(Eventually.Timeout, Cancel));
        await Eventually.PollAsync(() => database.StreamLengthAsync(Stream), length => length == 0, "the entry to be acknowledged and deleted");
        Assert.Equal(0, (await database.StreamPendingAsync(Stream, "viber")).PendingMessageCount);
        Assert.Equal(0, await database.StreamLengthAsync(DeadLetters));
    }

    [Fact]
    public async Task A_handler_that_keeps_failing_runs_MaxAttempts_times_then_the_callback_is_dead_lettered_logged_counted_and_reported()
    {
        var attempts = 0;
        await using var bot = await StartAsync(
            (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("the CRM is down");
            },
            options => options.MaxAttempts = 3);
        using var deadLettered = new MetricCollector<long>(bot.App.Services.GetRequiredService<IMeterFactory>(), ViberDiagnostics.MeterName, ViberDiagnostics.CallbacksDeadLettered);
        var database = await bot.DatabaseAsync();
        var body = Callbacks.Json(Callbacks.Text("poison"));
        Assert.Equal(HealthStatus.Healthy, (await bot.HealthAsync()).Status);

        using var response = await bot.PostAsync(body);
        var dead = await Eventually.PollAsync(() => database.StreamRangeAsync(DeadLetters), entries => entries.Length > 0, "the dead-letter entry");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, Volatile.Read(ref attempts));
        var entry = Assert.Single(dead);
        Assert.Equal(body, (byte[])entry["body"]!);
        Assert.Equal("3", entry["deliveries"].ToString());
        Assert.Equal("0", entry["partition"].ToString());
        Assert.Contains("InvalidOperationException: the CRM is down", entry["reason"].ToString(), StringComparison.Ordinal);

        // The worker appends the dead letter, then acknowledges the entry, then counts and logs it: wait for the log,
        // the last step, before checking that the source stream is empty (the entry can still be there before it).
        var logs = await Eventually.PollAsync(
            () => Task.FromResult(bot.Logs.GetSnapshot()),
            records => records.Any(record => record.Id.Name == "StreamEntryDeadLettered"),
            "the dead-letter log");
        Assert.Equal(0, await database.StreamLengthAsync(Stream));
        Assert.Equal(0, (await database.StreamPendingAsync(Stream, "viber")).PendingMessageCount);
        Assert.Equal(2, logs.Count(record => record.Id.Name == "StreamEntryRetrying"));
        Assert.Single(logs, record => record.Id.Name == "StreamEntryDeadLettered" && record.Level == LogLevel.Error);
        var measurement = Assert.Single(deadLettered.GetMeasurementSnapshot());
        Assert.Equal(1, measurement.Value);
        Assert.Equal("message", measurement.Tags[ViberDiagnostics.EventTag]);
        var health = await bot.HealthAsync();
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Equal(1L, health.Data["dead_letters"]);
        Assert.Contains("1 Viber callback(s) are in the dead-letter stream", health.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_fails_then_succeeds_is_acknowledged_and_not_dead_lettered()
    {
        var attempts = 0;
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await StartAsync((_, _) =>
        {
            if (Interlocked.Increment(ref attempts) < 3)
            {
                throw new HttpRequestException("transient");
            }

            handled.TrySetResult();
            return Task.CompletedTask;
        });
        var database = await bot.DatabaseAsync();

        using var response = await bot.PostAsync(Callbacks.Json(Callbacks.Text("third time lucky")));
        await handled.Task.WaitAsync(Eventually.Timeout, Cancel);
        await Eventually.PollAsync(() => database.StreamLengthAsync(Stream), length => length == 0, "the entry to be acknowledged");

        Assert.Equal(3, Volatile.Read(ref attempts));
        Assert.Equal(0, await database.StreamLengthAsync(DeadLetters));
    }

    [Fact]
    public async Task A_retried_callback_is_dispatched_once()
    {
        var handled = 0;
        await using var bot = await StartAsync((_, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });
        var database = await bot.DatabaseAsync();
        var body = Callbacks.Json(Callbacks.Text("twice"));

        using var first = await bot.PostAsync(body);
        await Eventually.PollAsync(() => Task.FromResult(Volatile.Read(ref handled)), count => count == 1, "the first delivery to be handled");
        await Eventually.PollAsync(() => database.StreamLengthAsync(Stream), length => length == 0, "the entry to be acknowledged");
        using var retry = await bot.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(0, await database.StreamLengthAsync(Stream));
        Assert.Equal(1, Volatile.Read(ref handled));
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Name == "DuplicateCallback");
    }

    [Fact]
    public async Task An_entry_delivered_again_after_its_handlers_completed_is_acknowledged_without_running_again()
    {
        var handled = 0;
        await using var bot = await StartAsync((_, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });
        var database = await bot.DatabaseAsync();
        var callback = Callbacks.Text("once");
        var body = Callbacks.Json(callback);
        using var response = await bot.PostAsync(body);
        await Eventually.PollAsync(() => database.StreamLengthAsync(Stream), length => length == 0, "the entry to be handled and acknowledged");
        var key = Viber.AspNetCore.Deduplication.ViberDeduplicationKey.Create(callback, body);
        Assert.True(await database.KeyExistsAsync(_prefix + "dedup:" + key));

        // The same entry again, as when an instance completed the key but died before its XACK and the entry was claimed.
        await database.StreamAddAsync(Stream, [new("body", body), new("key", key), new("traceparent", ""), new("event", "message"), new("token", "1")]);
        await Eventually.PollAsync(() => database.StreamLengthAsync(Stream), length => length == 0, "the re-delivered entry to be acknowledged");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Volatile.Read(ref handled));
        // Logged after the acknowledgement the poll above saw: wait for it.
        var logs = await Eventually.PollAsync(
            () => Task.FromResult(bot.Logs.GetSnapshot()),
            records => records.Any(record => record.Id.Name == "StreamEntryAlreadyHandled"),
            "the already-handled log");
        Assert.Single(logs, record => record.Id.Name == "StreamEntryAlreadyHandled");
    }

    [Fact]
    public async Task A_full_stream_answers_503_instead_of_trimming_and_takes_callbacks_again_once_drained()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new List<string>();
        await using var bot = await StartAsync(
            async (callback, ct) =>
            {
                await release.Task.WaitAsync(ct);
                lock (handled)
                {
                    handled.Add(Text(callback));
                }
            },
            options => options.MaxLength = 2);
        var database = await bot.DatabaseAsync();
        var third = Callbacks.Json(Callbacks.Text("3"));

        using var one = await bot.PostAsync(Callbacks.Json(Callbacks.Text("1")));
        using var two = await bot.PostAsync(Callbacks.Json(Callbacks.Text("2")));
        using var refused = await bot.PostAsync(third);

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(2, await database.StreamLengthAsync(Stream));
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Name == "QueueFull");

        release.SetResult();
        await Eventually.PollAsync(() => database.StreamLengthAsync(Stream), length => length == 0, "the stream to drain");
        using var retried = await bot.PostAsync(third);
        await Eventually.PollAsync(() => database.StreamLengthAsync(Stream), length => length == 0, "the retried callback to be handled");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        lock (handled)
        {
            Assert.Equal(["1", "2", "3"], handled);
        }
    }

    [Fact]
    public async Task A_stream_that_cannot_be_written_answers_503_and_releases_the_claim_so_the_retry_is_handled()
    {
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await StartAsync((callback, _) =>
        {
            handled.TrySetResult(Text(callback));
            return Task.CompletedTask;
        });
        var database = await bot.DatabaseAsync();

        // A string where the stream should be: every stream command on it fails (WRONGTYPE), as a broken store would.
        await database.KeyDeleteAsync(Stream);
        await database.StringSetAsync(Stream, "not a stream");
        var body = Callbacks.Json(Callbacks.Text("after the outage"));
        using var refused = await bot.PostAsync(body);
        await database.KeyDeleteAsync(Stream);
        using var retried = await bot.PostAsync(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Name == "QueueUnavailable" && record.Level == LogLevel.Error && record.Exception is RedisException);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("after the outage", await handled.Task.WaitAsync(Eventually.Timeout, Cancel));
    }

    [Fact]
    public async Task Redis_unreachable_is_answered_503_never_200()
    {
        // Bound but not listening: connections to it are refused, and no other process can take the port meanwhile.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var handled = 0;
        await using var bot = await StreamBot.StartAsync($"{closed.LocalEndPoint},connectTimeout=500,abortConnect=true", _prefix, "instance-a", (_, _) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });

        using var response = await bot.PostAsync(Callbacks.Json(Callbacks.Text("nowhere to store")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, Volatile.Read(ref handled));
        Assert.Equal(HealthStatus.Unhealthy, (await bot.HealthAsync()).Status);
    }
}
