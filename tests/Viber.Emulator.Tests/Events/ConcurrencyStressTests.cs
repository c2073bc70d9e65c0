using System.Collections.Concurrent;
using Viber.Api.Requests;
using Viber.Emulator.Events;
using Viber.Emulator.Tests.Support;

namespace Viber.Emulator.Tests.Events;

/// <summary>
/// The emulator's locking rule under load: waiters whose predicates read user state run beside users that subscribe,
/// unsubscribe, change online status and send. Before the rule, a predicate ran under the feed's lock while a state
/// change held the emulator's lock and published: the two threads deadlocked and no timeout could fire.
/// </summary>
public sealed class ConcurrencyStressTests
{
    private const int Actors = 4;
    private const int Waiters = 4;
    private const int IterationsPerActor = 400;

    // A deadlock blocks threads for good; the whole test gets this long before it fails (it takes a few seconds).
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Waiters_reading_user_state_beside_state_changes_neither_deadlock_nor_lose_events()
    {
        var harness = await EmulatorHarness.StartAsync(configure: o => o.EventHistoryLimit = 1_000_000);
        var emulator = harness.Emulator;
        var users = Enumerable.Range(0, Actors * 2).Select(i => emulator.CreateUser("User " + i)).ToArray();
        var byId = users.ToDictionary(u => u.Id);
        var onlineChanges = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();
        var liveEvents = new ConcurrentQueue<EmulatorEvent>();
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var caughtUp = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lastSequence = long.MaxValue;

        // A live subscriber must see every event exactly once, in order.
        var follower = Task.Run(async () =>
        {
            var enumerator = emulator.Subscribe(includeHistory: true, stop.Token).GetAsyncEnumerator(stop.Token);
            subscribed.TrySetResult();
            try
            {
                while (await enumerator.MoveNextAsync())
                {
                    liveEvents.Enqueue(enumerator.Current);
                    if (enumerator.Current.Sequence >= Interlocked.Read(ref lastSequence))
                    {
                        caughtUp.TrySetResult();
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The test ended the subscription.
            }
            finally
            {
                await enumerator.DisposeAsync();
            }
        }, TestContext.Current.CancellationToken);
        await subscribed.Task;

        var actorsDone = 0;
        var actors = Enumerable.Range(0, Actors).Select(a => Task.Run(async () =>
        {
            try
            {
                var own = users.Skip(a * 2).Take(2).ToArray();
                for (var i = 0; i < IterationsPerActor; i++)
                {
                    var user = own[i % own.Length];
                    if (user.IsSubscribed)
                    {
                        await user.UnsubscribeAsync();
                    }
                    else
                    {
                        await user.SubscribeAsync();
                    }

                    user.SetOnlineStatus(i % 2 == 0 ? OnlineStatus.Online : OnlineStatus.Offline);
                    onlineChanges.AddOrUpdate(user.Id, 1, (_, n) => n + 1);
                    await user.SendTextAsync("hello " + i);
                }
            }
            finally
            {
                Interlocked.Increment(ref actorsDone);
            }
        }, TestContext.Current.CancellationToken)).ToArray();

        var completedWaits = 0;
        var waiters = Enumerable.Range(0, Waiters).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref actorsDone) < Actors)
            {
                var mark = emulator.Events[^1].Sequence;
                try
                {
                    // The predicate reads user state, as a test's predicate naturally does.
                    await emulator.WaitForEventAsync<UserChangedEvent>(
                        e => e.Sequence > mark && (byId[e.UserId].IsSubscribed || byId[e.UserId].OnlineStatus != OnlineStatus.Undisclosed || true),
                        TimeSpan.FromSeconds(10));
                    Interlocked.Increment(ref completedWaits);
                }
                catch (TimeoutException) when (Volatile.Read(ref actorsDone) == Actors)
                {
                    // The actors finished between the check and the wait: nothing more will come.
                }
            }
        }, TestContext.Current.CancellationToken)).ToArray();

        var all = Task.WhenAll(actors.Concat(waiters));
        var finished = await Task.WhenAny(all, Task.Delay(Deadline, TestContext.Current.CancellationToken));
        Assert.True(
            finished == all,
            $"Deadlock: after {Deadline.TotalSeconds} s, {actors.Count(t => !t.IsCompleted)} of {Actors} actors and {waiters.Count(t => !t.IsCompleted)} of {Waiters} waiters are still blocked ({completedWaits} waits completed).");
        await all;

        // Every change is in the feed: one OnlineStatusChanged per SetOnlineStatus call, per user.
        var events = emulator.Events;
        foreach (var user in users)
        {
            Assert.Equal(onlineChanges[user.Id], events.OfType<UserChangedEvent>().Count(e => e.UserId == user.Id && e.Change == UserChange.OnlineStatusChanged));
        }

        // History numbers events 1..N with no gap, and the live subscriber saw the same N in the same order.
        Assert.Equal(Enumerable.Range(1, events.Count).Select(n => (long)n), events.Select(e => e.Sequence));
        Interlocked.Exchange(ref lastSequence, events[^1].Sequence);
        if (!liveEvents.Any(e => e.Sequence == events[^1].Sequence))
        {
            await caughtUp.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();
        await follower.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(events.Select(e => e.Sequence), liveEvents.Select(e => e.Sequence));
        Assert.True(completedWaits > 0, "No wait completed.");
        await harness.DisposeAsync();
    }
}
