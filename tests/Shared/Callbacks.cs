using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Serialization;

namespace Viber.Tests.Shared;

/// <summary>Builds callbacks as Viber posts them, each with a fresh message token unless one is given.</summary>
public static class Callbacks
{
    private static long _nextToken = 5_000_000_000_000_000_000;

    public static long NextToken() => Interlocked.Increment(ref _nextToken);

    /// <summary>Now, as Viber stamps callbacks: a bot ignores callbacks older than its deduplication window as replays.</summary>
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static MessageCallback Text(string text, string userId = "user-1", long? token = null) => Message(new TextMessage { Text = text }, userId, token);

    public static MessageCallback Message(ViberMessage message, string userId = "user-1", long? token = null) => new()
    {
        Timestamp = Now(),
        MessageToken = token ?? NextToken(),
        Sender = new ViberUser { Id = userId, Name = "John McClane", Language = "en", Country = "UK", ApiVersion = 10 },
        Message = message,
    };

    public static DeliveredCallback Delivered(long token, string userId = "user-1", long? timestamp = null)
        => new() { Timestamp = timestamp ?? Now(), MessageToken = token, UserId = userId };

    public static SeenCallback Seen(long token, string userId = "user-1") => new() { Timestamp = Now(), MessageToken = token, UserId = userId };

    public static FailedCallback Failed(long token, string userId = "user-1") => new() { Timestamp = Now(), MessageToken = token, UserId = userId, Description = "failure description" };

    public static SubscribedCallback Subscribed(string userId = "user-1") => new()
    {
        Timestamp = Now(),
        MessageToken = NextToken(),
        User = new ViberUser { Id = userId, Name = "John McClane" },
    };

    public static UnsubscribedCallback Unsubscribed(string userId = "user-1") => new() { Timestamp = Now(), MessageToken = NextToken(), UserId = userId };

    public static ConversationStartedCallback ConversationStarted(string userId = "user-1", string name = "John McClane") => new()
    {
        Timestamp = Now(),
        MessageToken = NextToken(),
        Type = "open",
        User = new ViberUser { Id = userId, Name = name },
        Subscribed = false,
    };

    public static WebhookCallback Webhook() => new() { Timestamp = Now(), MessageToken = NextToken() };

    public static byte[] Json(ViberCallback callback) => ViberJson.SerializeCallback(callback);
}
