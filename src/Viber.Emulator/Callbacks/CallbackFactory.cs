using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Emulator.Internal;
using Viber.Emulator.Users;

namespace Viber.Emulator.Callbacks;

/// <summary>Builds the callbacks Viber sends, stamped with the emulator's clock and fresh message tokens.</summary>
/// <remarks>Called under the state's lock: it reads the account's <c>send_name</c>/<c>send_photo</c>.</remarks>
internal sealed class CallbackFactory(EmulatorState state)
{
    public WebhookCallback Webhook() => Stamp(new WebhookCallback(), state.Tokens.Next());

    public ConversationStartedCallback ConversationStarted(UserState user, string? context)
        => Stamp(
            new ConversationStartedCallback { Type = "open", Context = context, User = DescribeUser(user), Subscribed = user.Subscribed },
            state.Tokens.Next());

    public SubscribedCallback Subscribed(UserState user) => Stamp(new SubscribedCallback { User = DescribeUser(user) }, state.Tokens.Next());

    public UnsubscribedCallback Unsubscribed(UserState user) => Stamp(new UnsubscribedCallback { UserId = user.Id }, state.Tokens.Next());

    public MessageCallback Message(UserState user, ViberMessage message, long messageToken, bool silent)
        => Stamp(new MessageCallback { Sender = DescribeUser(user), Message = message, Silent = silent ? true : null }, messageToken);

    /// <summary>One device's delivery report.</summary>
    /// <remarks>
    /// Each device reports its own delivery time, so the reports of one message differ in <c>timestamp</c>; that is
    /// the only field that tells a second device's report from Viber re-sending the same one (identical bytes).
    /// The emulator delivers to every device at once, so device N reports N milliseconds after the first.
    /// </remarks>
    public DeliveredCallback Delivered(UserState user, long messageToken, int device = 0)
    {
        var callback = Stamp(new DeliveredCallback { UserId = user.Id }, messageToken);
        callback.Timestamp += device;
        return callback;
    }

    public SeenCallback Seen(UserState user, long messageToken) => Stamp(new SeenCallback { UserId = user.Id }, messageToken);

    public FailedCallback Failed(UserState user, long messageToken, string description)
        => Stamp(new FailedCallback { UserId = user.Id, Description = description }, messageToken);

    /// <summary>The user as callbacks show them: with placeholders when the bot opted out of names or photos.</summary>
    private ViberUser DescribeUser(UserState user)
    {
        var account = state.Account;
        return new ViberUser
        {
            Id = user.Id,
            Name = account.SendName ? user.Profile.Name : state.Options.PlaceholderUserName,
            Avatar = account.SendPhoto ? user.Profile.Avatar : state.Options.PlaceholderUserAvatar,
            Country = user.Profile.Country,
            Language = user.Profile.Language,
            ApiVersion = user.Profile.ApiVersion,
        };
    }

    private T Stamp<T>(T callback, long messageToken)
        where T : ViberCallback
    {
        callback.Timestamp = state.Time.GetUtcNow().ToUnixTimeMilliseconds();
        callback.MessageToken = messageToken;
        return callback;
    }
}
