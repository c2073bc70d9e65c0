using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests;

/// <summary>Two instances of a bot behind one Redis, as a scaled-out bot runs; and what Viber sees when Redis fails.</summary>
public sealed class RedisWebhookTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";
    private int _handled;

    private Task<RedisBot> StartInstanceAsync(Func<MessageCallback, Task>? handle = null)
        => RedisBot.StartAsync(redis.ConnectionString, _prefix, handle ?? Count);

    private Task Count(MessageCallback callback)
    {
        Interlocked.Increment(ref _handled);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_callback_retried_to_the_other_instance_is_dispatched_once()
    {
        await using var a = await StartInstanceAsync();
        await using var b = await StartInstanceAsync();
        var body = Callbacks.Json(Callbacks.Text("hello"));

        using var first = await a.PostAsync(body);
        using var retry = await b.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, _handled);
        Assert.Contains(b.Logs.GetSnapshot(), record => record.Id.Name == "DuplicateCallback");
        Assert.Contains(a.Logs.GetSnapshot(), record => record.Id.Name == "RedisConnected");
    }

    [Fact]
    public async Task A_retry_reaching_the_other_instance_while_the_first_still_runs_gets_503_then_200()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var a = await StartInstanceAsync(async callback =>
        {
            entered.TrySetResult();
            await gate.Task;
            await Count(callback);
        });
        await using var b = await StartInstanceAsync();
        var body = Callbacks.Json(Callbacks.Text("slow"));

        var first = a.PostAsync(body);
        await entered.Task.WaitAsync(Eventually.Timeout, TestContext.Current.CancellationToken);
        using var overtaking = await b.PostAsync(body);
        gate.SetResult();
        using var firstResponse = await first.WaitAsync(Eventually.Timeout, TestContext.Current.CancellationToken);
        using var later = await b.PostAsync(body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, overtaking.StatusCode);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task A_callback_that_failed_on_one_instance_runs_again_on_the_other()
    {
        await using var a = await StartInstanceAsync(_ => throw new InvalidOperationException("handler fails"));
        await using var b = await StartInstanceAsync();
        var body = Callbacks.Json(Callbacks.Text("retry me"));

        using var failed = await a.PostAsync(body);
        using var retry = await b.PostAsync(body);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_callback_to_both_instances_are_dispatched_once()
    {
        await using var a = await StartInstanceAsync();
        await using var b = await StartInstanceAsync();
        var body = Callbacks.Json(Callbacks.Text("race"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).PostAsync(body)));

        Assert.All(responses, response => Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable,
            response.StatusCode.ToString()));
        Assert.Equal(1, _handled);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Redis_unreachable_is_not_answered_200_and_is_logged()
    {
        // Bound but not listening: connections to it are refused, and no other process can take the port meanwhile.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var bot = await RedisBot.StartAsync(
            b => b.AddRedisDeduplication($"{closed.LocalEndPoint},connectTimeout=500,abortConnect=true"),
            Count);

        using var response = await bot.PostAsync(Callbacks.Json(Callbacks.Text("nowhere")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(0, _handled);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Level == LogLevel.Error && record.Id.Name == "DeduplicationStoreFailed" && record.Exception is RedisConnectionException);
    }

    [Fact]
    public async Task Redis_going_away_after_use_is_not_answered_200_and_is_logged()
    {
        _ = redis.Server; // skips (or on CI fails) without redis-server
        var server = await RedisServer.StartAsync(TestContext.Current.CancellationToken);

        // Short timeouts only make the failure come sooner; the defaults (5 s) fail the same way.
        await using var bot = await RedisBot.StartAsync(
            b => b.AddRedisDeduplication($"{server.ConnectionString},asyncTimeout=1000,syncTimeout=1000,connectRetry=0"),
            Count);
        using var before = await bot.PostAsync(Callbacks.Json(Callbacks.Text("before")));
        await server.DisposeAsync();

        // Holding the freed port keeps the client from reconnecting to another test's server that happened to get it.
        using var hold = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        hold.Bind(new IPEndPoint(IPAddress.Loopback, server.Port));

        using var response = await bot.PostAsync(Callbacks.Json(Callbacks.Text("after")));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, _handled);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Level == LogLevel.Error && record.Id.Name == "DeduplicationStoreFailed" && record.Exception is RedisException or RedisTimeoutException);
    }
}
