using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using StackExchange.Redis;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests;

/// <summary>
/// A real redis-server that this test kills and restarts: what Viber and the health check see during the outage,
/// and what becomes of a handler that finished while Redis was down.
/// </summary>
public sealed class RedisOutageTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly string _prefix = $"outage:{Guid.NewGuid():N}:";
    private int _handled;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<RedisBot> StartInstanceAsync(RedisServer server, Func<MessageCallback, Task>? handle = null)
        => RedisBot.StartAsync(server.ConnectionString, _prefix, handle ?? Count);

    private Task Count(MessageCallback callback)
    {
        Interlocked.Increment(ref _handled);
        return Task.CompletedTask;
    }

    private static async Task<HealthReportEntry> RedisHealthAsync(RedisBot bot)
    {
        var report = await bot.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Cancel);
        return report.Entries["viber-redis"];
    }

    private static Task<HealthReportEntry> RedisHealthBecomesAsync(RedisBot bot, HealthStatus status)
        => Eventually.PollAsync(() => RedisHealthAsync(bot), entry => entry.Status == status, $"the viber-redis check to report {status}");

    [Fact]
    public async Task While_Redis_is_down_callbacks_get_503_at_once_and_health_reports_it_until_Redis_is_back()
    {
        _ = redis.Server; // skips (or on CI fails) without redis-server
        await using var server = await RedisServer.StartAsync(Cancel);
        await using var bot = await StartInstanceAsync(server);
        using var before = await bot.PostAsync(Callbacks.Json(Callbacks.Text("before")));
        var healthy = await RedisHealthAsync(bot);

        await server.StopAsync();
        var down = await RedisHealthBecomesAsync(bot, HealthStatus.Unhealthy);
        using var during = await bot.PostAsync(Callbacks.Json(Callbacks.Text("during")));
        using var healthEndpoint = await bot.Http.GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        Assert.Contains("viber", healthy.Tags);
        Assert.Contains("redis", healthy.Tags);
        Assert.Contains("Redis", down.Description, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, healthEndpoint.StatusCode);
        Assert.Equal("Unhealthy", await healthEndpoint.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(1, _handled);

        // Answered by the circuit (the client knows the connection is down), not after a command timed out.
        var failure = Assert.Single(bot.Logs.GetSnapshot(), record => record.Id.Name == "DeduplicationStoreFailed");
        var exception = Assert.IsType<RedisConnectionException>(failure.Exception);
        Assert.Contains("not connected", exception.Message, StringComparison.Ordinal);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Name == "RedisConnectionLost" && record.Level == LogLevel.Error);

        await server.RestartAsync(Cancel);
        await RedisHealthBecomesAsync(bot, HealthStatus.Healthy);
        using var after = await bot.PostAsync(Callbacks.Json(Callbacks.Text("after")));

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(2, _handled);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Name == "RedisConnectionRestored");
    }

    [Fact]
    public async Task Redis_down_at_start_up_answers_503_and_the_bot_recovers_once_it_is_up()
    {
        _ = redis.Server;
        await using var server = await RedisServer.StartAsync(Cancel);
        await server.StopAsync();
        await using var bot = await StartInstanceAsync(server);

        using var during = await bot.PostAsync(Callbacks.Json(Callbacks.Text("early")));
        var down = await RedisHealthAsync(bot);
        await server.RestartAsync(Cancel);
        await RedisHealthBecomesAsync(bot, HealthStatus.Healthy);
        using var retry = await bot.PostAsync(Callbacks.Json(Callbacks.Text("early")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        Assert.Equal(HealthStatus.Unhealthy, down.Status);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(1, _handled);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Name == "RedisNotConnectedYet");
    }

    [Fact]
    public async Task A_handler_that_finishes_while_Redis_is_down_answers_200_and_its_completion_is_written_when_Redis_is_back()
    {
        _ = redis.Server;
        await using var server = await RedisServer.StartAsync(Cancel);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var a = await StartInstanceAsync(server, async callback =>
        {
            await Count(callback);
            entered.TrySetResult();
            await gate.Task;
        });
        await using var b = await StartInstanceAsync(server);
        using var failures = new MetricCollector<long>(a.App.Services.GetRequiredService<IMeterFactory>(), ViberDiagnostics.MeterName, ViberDiagnostics.CompletionFailures);
        var callback = Callbacks.Text("reply exactly once");
        var body = Callbacks.Json(callback);

        var first = a.PostAsync(body);
        await entered.Task.WaitAsync(Eventually.Timeout, Cancel);
        await server.StopAsync();
        gate.SetResult();
        using var firstResponse = await first.WaitAsync(Eventually.Timeout, Cancel);
        using var retrySameInstance = await a.PostAsync(body);

        // The reply is out: 200, or Viber would retry and the handler reply twice.
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retrySameInstance.StatusCode);
        Assert.Equal(1, _handled);
        var pending = Assert.Single(a.Logs.GetSnapshot(), record => record.Id.Name == "CompletionPending");
        Assert.Equal(LogLevel.Warning, pending.Level);
        Assert.IsAssignableFrom<RedisException>(pending.Exception);
        Assert.Contains(callback.MessageToken!.Value.ToString(CultureInfo.InvariantCulture), pending.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(RedisBot.Token, pending.Message, StringComparison.Ordinal);
        var counted = Assert.Single(failures.GetMeasurementSnapshot());
        Assert.Equal("pending", counted.Tags[ViberDiagnostics.OutcomeTag]);

        // Redis comes back empty (no persistence): the completion written from the buffer is what remembers the key.
        await server.RestartAsync(Cancel);
        await using var probe = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var keys = await Eventually.PollAsync(
            () => Task.FromResult(probe.GetServers().Single().Keys(pattern: _prefix + "*").ToArray()),
            found => found.Length > 0,
            "the pending completion to be written");
        Assert.Equal("done", (string?)await probe.GetDatabase().StringGetAsync(Assert.Single(keys).ToString()));

        // Viber's retry reaching the other instance is now a duplicate too.
        using var retryOtherInstance = await b.PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, retryOtherInstance.StatusCode);
        Assert.Equal(1, _handled);
        Assert.Contains(b.Logs.GetSnapshot(), record => record.Id.Name == "DuplicateCallback");
        Assert.Contains(a.Logs.GetSnapshot(), record => record.Id.Name == "PendingCompletionsWritten");
    }

    [Fact]
    public async Task A_hung_Redis_is_answered_503_after_the_configured_operation_timeout()
    {
        _ = redis.Server;
        await using var server = await RedisServer.StartAsync(Cancel);
        await using var bot = await RedisBot.StartAsync(
            b => b.AddRedisDeduplication(options =>
            {
                options.Configuration = server.ConnectionString;
                options.KeyPrefix = _prefix;
                options.OperationTimeout = TimeSpan.FromMilliseconds(700);
            }),
            Count);
        using var before = await bot.PostAsync(Callbacks.Json(Callbacks.Text("before")));

        await server.SignalAsync(freeze: true);
        HttpResponseMessage during;
        try
        {
            during = await bot.PostAsync(Callbacks.Json(Callbacks.Text("during")));
        }
        finally
        {
            await server.SignalAsync(freeze: false);
        }

        using (during)
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
        }

        // The command gave up after OperationTimeout (the client's message names it), not the client's default 5 s.
        var failure = Assert.Single(bot.Logs.GetSnapshot(), record => record.Id.Name == "DeduplicationStoreFailed");
        var exception = Assert.IsType<RedisTimeoutException>(failure.Exception);
        Assert.Contains("timeout is 700ms", exception.Message, StringComparison.Ordinal);
    }
}
