using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Viber.AspNetCore.Conversations;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Conversations;

public sealed class InMemoryConversationStoreTests
{
    private static readonly CartState Cart = new(2, ["pizza", "салат"]);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task State_written_under_the_lock_is_read_back_and_removed()
    {
        var store = Create();

        await using (var conversation = await store.LockAsync("user-1", Ct))
        {
            Assert.Null(await conversation.GetAsync(StateTestJsonContext.Default.CartState, Ct));
            await conversation.SetAsync(Cart, StateTestJsonContext.Default.CartState, Ct);
        }

        var read = await store.GetAsync("user-1", StateTestJsonContext.Default.CartState, Ct);
        await store.RemoveAsync("user-1", Ct);

        Assert.Equal(Cart.Count, read?.Count);
        Assert.Equal(Cart.Items, read?.Items);
        Assert.Null(await store.GetAsync("user-1", StateTestJsonContext.Default.CartState, Ct));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Users_and_bots_have_separate_conversations()
    {
        var store = Create();

        await store.SetAsync("user-1", 1, StateTestJsonContext.Default.Int32, Ct);
        await store.SetAsync("user-2", 2, StateTestJsonContext.Default.Int32, Ct);
        await using (var other = await store.LockAsync(new ViberConversationKey("user-1", "shop-bot"), Ct))
        {
            await other.SetAsync(3, StateTestJsonContext.Default.Int32, Ct);
        }

        Assert.Equal(1, await store.GetAsync("user-1", StateTestJsonContext.Default.Int32, Ct));
        Assert.Equal(2, await store.GetAsync("user-2", StateTestJsonContext.Default.Int32, Ct));
        Assert.Equal(3, ViberJsonInt(await store.GetAsync(new ViberConversationKey("user-1", "shop-bot"), Ct)));
    }

    [Fact]
    public async Task State_expires_after_the_last_write_by_the_apps_clock()
    {
        var store = Create(o => o.Expiry = TimeSpan.FromHours(1));
        await store.SetAsync("user-1", 1, StateTestJsonContext.Default.Int32, Ct);

        _time.Advance(TimeSpan.FromMinutes(50));
        await store.SetAsync("user-1", 2, StateTestJsonContext.Default.Int32, Ct);
        _time.Advance(TimeSpan.FromMinutes(50));
        var afterRewrite = await store.GetAsync("user-1", StateTestJsonContext.Default.Int32, Ct);
        _time.Advance(TimeSpan.FromMinutes(10));
        var afterExpiry = await store.GetAsync(new ViberConversationKey("user-1"), Ct);

        Assert.Equal(2, afterRewrite);
        Assert.Null(afterExpiry);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public async Task Past_the_capacity_the_conversation_written_longest_ago_is_forgotten()
    {
        var store = Create(o => o.Capacity = 2);

        await store.SetAsync("user-1", 1, StateTestJsonContext.Default.Int32, Ct);
        await store.SetAsync("user-2", 2, StateTestJsonContext.Default.Int32, Ct);
        await store.SetAsync("user-1", 11, StateTestJsonContext.Default.Int32, Ct);
        await store.SetAsync("user-3", 3, StateTestJsonContext.Default.Int32, Ct);

        Assert.Equal(2, store.Count);
        Assert.Null(await store.GetAsync(new ViberConversationKey("user-2"), Ct));
        Assert.Equal(11, await store.GetAsync("user-1", StateTestJsonContext.Default.Int32, Ct));
        Assert.Equal(3, await store.GetAsync("user-3", StateTestJsonContext.Default.Int32, Ct));
    }

    [Fact]
    public async Task Stored_bytes_are_copies()
    {
        var store = Create();
        var key = new ViberConversationKey("user-1");
        var value = new byte[] { 1, 2, 3 };

        await store.SetAsync(key, value, Ct);
        value[0] = 9;
        var first = await store.GetAsync(key, Ct);
        first![1] = 9;

        Assert.Equal(new byte[] { 1, 2, 3 }, await store.GetAsync(key, Ct));
    }

    [Fact]
    public async Task A_second_lock_for_the_same_user_waits_until_the_first_is_released_and_other_users_do_not_wait()
    {
        var store = Create();
        var first = await store.LockAsync("user-1", Ct);

        var second = store.LockAsync("user-1", Ct).AsTask();
        await using var otherUser = await Waits.ForAsync(store.LockAsync("user-2", Ct).AsTask());
        Assert.False(second.IsCompleted);

        await first.DisposeAsync();
        await using var acquired = await Waits.ForAsync(second);
        Assert.Equal("user-1", acquired.Key.UserId);
    }

    [Fact]
    public async Task Waiting_for_a_lock_longer_than_the_lock_timeout_throws_a_TimeoutException_naming_the_setting()
    {
        var store = Create(o => o.LockTimeout = TimeSpan.FromSeconds(30));
        await using var held = await store.LockAsync("user-1", Ct);

        var waiting = store.LockAsync("user-1", Ct).AsTask();
        _time.Advance(TimeSpan.FromSeconds(30));

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => Waits.ForAsync(waiting));
        Assert.Contains("Viber:Conversations:LockTimeout", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("user-1", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, store.LockCount);
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_leaves_no_lock_behind()
    {
        var store = Create();
        var held = await store.LockAsync("user-1", Ct);
        using var cancel = new CancellationTokenSource();

        var waiting = store.LockAsync("user-1", cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Waits.ForAsync(waiting));
        await held.DisposeAsync();
        await held.DisposeAsync();
        Assert.Equal(0, store.LockCount);
        await using var again = await Waits.ForAsync(store.LockAsync("user-1", Ct).AsTask());
    }

    [Fact]
    public async Task A_released_conversation_refuses_reads_and_writes()
    {
        var store = Create();
        var conversation = await store.LockAsync("user-1", Ct);
        await conversation.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => conversation.GetAsync(StateTestJsonContext.Default.Int32, Ct).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => conversation.SetAsync(1, StateTestJsonContext.Default.Int32, Ct).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => conversation.RemoveAsync(Ct).AsTask());
    }

    [Fact]
    public async Task State_of_another_type_is_reported_naming_the_type_without_the_data()
    {
        var store = Create();
        await store.SetAsync(new ViberConversationKey("user-1"), "\"secret-text\""u8.ToArray(), Ct);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetAsync("user-1", StateTestJsonContext.Default.CartState, Ct).AsTask());

        Assert.Contains(nameof(CartState), exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_user_id_is_refused()
        => Assert.ThrowsAny<ArgumentException>(() => new ViberConversationKey(""));

    private static int ViberJsonInt(byte[]? bytes) => System.Text.Json.JsonSerializer.Deserialize(bytes, StateTestJsonContext.Default.Int32);

    private InMemoryViberConversationStore Create(Action<ViberConversationOptions>? configure = null)
    {
        var options = new ViberConversationOptions();
        configure?.Invoke(options);
        return new InMemoryViberConversationStore(Options.Create(options), _time);
    }
}
