using Viber.Api.Callbacks;
using Viber.AspNetCore.Deduplication;

namespace Viber.AspNetCore.Tests.Deduplication;

public sealed class DeduplicationKeyTests
{
    private static string Key(ViberCallback callback) => ViberDeduplicationKey.Create(callback, Callbacks.Json(callback));

    [Fact]
    public void A_message_is_keyed_by_event_token_and_sender()
        => Assert.Equal("message:42:user-1", Key(Callbacks.Text("hi", token: 42)));

    [Fact]
    public void Every_callback_that_names_a_user_is_keyed_with_the_user_it_names()
    {
        ViberCallback[] callbacks =
        [
            Callbacks.Text("hi", "u1", 1), Callbacks.Seen(2, "u2"), Callbacks.Failed(3, "u3"), Callbacks.Subscribed("u4"),
            Callbacks.Unsubscribed("u5"), Callbacks.ConversationStarted("u6"), Callbacks.Delivered(7, "u7"),
        ];

        Assert.All(callbacks, c => Assert.StartsWith($"{c.Event}:{c.MessageToken}:{c.GetUserId()}", Key(c), StringComparison.Ordinal));
    }

    [Fact]
    public void Delivered_from_two_devices_get_different_keys_and_the_same_body_the_same_key()
    {
        var phone = Callbacks.Delivered(42, "u", timestamp: 1);
        var desktop = Callbacks.Delivered(42, "u", timestamp: 2);

        Assert.NotEqual(Key(phone), Key(desktop));
        Assert.Equal(Key(phone), Key(Callbacks.Delivered(42, "u", timestamp: 1)));
        Assert.StartsWith("delivered:42:u:", Key(phone), StringComparison.Ordinal);
    }

    [Fact]
    public void Seen_and_failed_include_the_user_because_a_broadcast_shares_one_token()
    {
        Assert.Equal("seen:42:a", Key(Callbacks.Seen(42, "a")));
        Assert.Equal("failed:42:b", Key(Callbacks.Failed(42, "b")));
    }

    [Fact]
    public void A_callback_without_a_token_is_keyed_by_its_body()
    {
        var first = new UnknownCallback { Event = "action", Timestamp = 1 };
        var second = new UnknownCallback { Event = "action", Timestamp = 2 };

        Assert.NotEqual(Key(first), Key(second));
        Assert.StartsWith("action:#", Key(first), StringComparison.Ordinal);
    }
}
