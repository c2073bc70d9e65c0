using System.Collections.Concurrent;
using System.Net;
using StackExchange.Redis;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore.Redis.Streams;
using Viber.AspNetCore.Redis.Tests.Support;

namespace Viber.AspNetCore.Redis.Tests.Streams;

/// <summary>
/// Two instances of one bot on one Redis (two hosts in this process, with different consumer names): what one
/// leaves unfinished, crashed or stopped, the other claims; partitions are shared; each user's order holds.
/// </summary>
public sealed class StreamFailoverTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private readonly string _prefix = $"test:{Guid.NewGuid():N}:";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private RedisKey Stream(int partition) => _prefix + "stream:" + partition;

    private static string Text(MessageCallback callback) => ((TextMessage)callback.Message!).Text!;

    private Task<StreamBot> StartAsync(string consumer, Func<MessageCallback, CancellationToken, Task> handle, Action<RedisViberStreamOptions>? configure = null)
        => StreamBot.StartAsync(redis.ConnectionString, _prefix, consumer, handle, configure);

    [Fact]
    public async Task Entries_left_unacknowledged_by_a_crashed_instance_are_claimed_and_handled_by_the_other()
    {
        var aEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bHandled = new ConcurrentQueue<string>();
        var a = await StartAsync("instance-a", async (_, ct) =>
        {
            // Holds the partition's first callback until the instance dies.
            aEntered.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        await a.WaitForLeaseAsync();
        await using var b = await StartAsync("instance-b", (callback, _) =>
        {
            bHandled.Enqueue(Text(callback));
            return Task.CompletedTask;
        });
        var database = await b.DatabaseAsync();
        try
        {
            // A started first and holds the only partition; the second callback waits behind the first.
            using var first = await a.PostAsync(Callbacks.Json(Callbacks.Text("first")));
            await aEntered.Task.WaitAsync(Eventually.Timeout, Cancel);
            using var second = await b.PostAsync(Callbacks.Json(Callbacks.Text("second")));
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal("instance-a", (await database.StringGetAsync(_prefix + "stream:0:lease")).ToString());
            Assert.Empty(bHandled);
        }
        finally
        {
            await a.CrashAsync();
        }

        // B takes the lease once it expires, claims A's entry once idle long enough, and keeps the order.
        await Eventually.PollAsync(() => Task.FromResult(bHandled.Count), count => count == 2, "instance B to handle both callbacks");
        Assert.Equal(["first", "second"], bHandled);
        Assert.Contains(b.Logs.GetSnapshot(), record => record.Id.Name == "StreamEntryClaimed" && record.Level == LogLevel.Warning);
        await Eventually.PollAsync(() => database.StreamLengthAsync(Stream(0)), length => length == 0, "both entries to be acknowledged");
        Assert.Equal("instance-b", (await database.StringGetAsync(_prefix + "stream:0:lease")).ToString());
    }

    [Fact]
    public async Task An_instance_stopped_past_its_shutdown_deadline_leaves_its_entry_for_the_other_instead_of_losing_it()
    {
        var aEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bHandled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = await StreamBot.StartAsync(
            redis.ConnectionString,
            _prefix,
            "instance-a",
            async (_, ct) =>
            {
                aEntered.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            },
            services: s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMilliseconds(500)));
        await a.WaitForLeaseAsync();
        await using var b = await StartAsync("instance-b", (callback, _) =>
        {
            bHandled.TrySetResult(Text(callback));
            return Task.CompletedTask;
        });

        using var response = await a.PostAsync(Callbacks.Json(Callbacks.Text("slow")));
        await aEntered.Task.WaitAsync(Eventually.Timeout, Cancel);
        var aLogs = a.Logs;
        await a.DisposeAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(aLogs.GetSnapshot(), record => record.Id.Name == "StreamEntryLeftPending");
        Assert.DoesNotContain(aLogs.GetSnapshot(), record => record.Id.Name == "CallbackLost");
        Assert.Equal("slow", await bHandled.Task.WaitAsync(Eventually.Timeout, Cancel));
    }

    [Fact]
    public async Task Each_users_callbacks_are_handled_in_order_across_two_instances()
    {
        const int users = 6;
        const int perUser = 15;
        var seen = new ConcurrentDictionary<string, ConcurrentQueue<int>>();
        Func<MessageCallback, CancellationToken, Task> record = async (callback, ct) =>
        {
            // Uneven handler times make a reordering show up if partitions were not exclusive.
            await Task.Delay(Random.Shared.Next(0, 4), ct);
            seen.GetOrAdd(callback.Sender!.Id!, _ => new ConcurrentQueue<int>()).Enqueue(int.Parse(Text(callback), System.Globalization.CultureInfo.InvariantCulture));
        };
        Action<RedisViberStreamOptions> fourPartitions = options => options.Partitions = 4;
        await using var a = await StartAsync("instance-a", record, fourPartitions);
        await using var b = await StartAsync("instance-b", record, fourPartitions);

        // Viber sends one user's callbacks one after the other; different users at once. Each goes to either instance.
        await Task.WhenAll(Enumerable.Range(0, users).Select(user => Task.Run(
            async () =>
            {
                for (var i = 0; i < perUser; i++)
                {
                    var bot = (i + user) % 2 == 0 ? a : b;
                    using var response = await bot.PostAsync(Callbacks.Json(Callbacks.Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "user-" + user)));
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                }
            },
            Cancel)));
        await Eventually.PollAsync(() => Task.FromResult(seen.Values.Sum(queue => queue.Count)), count => count == users * perUser, "every callback to be handled");

        Assert.Equal(users, seen.Count);
        Assert.All(seen.Values, queue => Assert.Equal(Enumerable.Range(0, perUser), queue));
    }

    [Fact]
    public async Task A_second_instance_gets_its_share_of_the_partitions()
    {
        Action<RedisViberStreamOptions> fourPartitions = options => options.Partitions = 4;
        await using var a = await StartAsync("instance-a", (_, _) => Task.CompletedTask, fourPartitions);
        var database = await a.DatabaseAsync();
        async Task<string[]> HoldersAsync() => [.. (await Task.WhenAll(Enumerable.Range(0, 4).Select(p => database.StringGetAsync(_prefix + $"stream:{p}:lease")))).Select(value => value.ToString())];

        for (var partition = 0; partition < 4; partition++)
        {
            await a.WaitForLeaseAsync(partition);
        }

        await using var b = await StartAsync("instance-b", (_, _) => Task.CompletedTask, fourPartitions);
        var shared = await Eventually.PollAsync(
            HoldersAsync,
            holders => holders.Count(holder => holder == "instance-a") == 2 && holders.Count(holder => holder == "instance-b") == 2,
            "the partitions to be shared two and two");

        Assert.Equal(4, shared.Length);
    }
}
