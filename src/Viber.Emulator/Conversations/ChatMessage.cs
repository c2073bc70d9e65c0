using Viber.Api.Messages;

namespace Viber.Emulator.Conversations;

/// <summary>
/// One message in a conversation between a simulated user and the bot. The content is fixed; <see cref="State"/>
/// moves on as the message is delivered, seen or fails. Thread-safe to read.
/// </summary>
public sealed class ChatMessage
{
    private volatile StateSnapshot _state;

    internal ChatMessage(
        string userId,
        long messageToken,
        ChatDirection direction,
        ChatMessageOrigin origin,
        DateTimeOffset time,
        ViberMessage message,
        string json,
        bool silent,
        DeliveryState state,
        string? failureReason)
    {
        UserId = userId;
        MessageToken = messageToken;
        Direction = direction;
        Origin = origin;
        Time = time;
        Message = message;
        Json = json;
        Silent = silent;
        _state = new StateSnapshot(state, failureReason);
    }

    /// <summary>Gets the id of the user whose conversation this is.</summary>
    public string UserId { get; }

    /// <summary>Gets the message token: the one send_message answered, or the one of the user's <c>message</c> callback.</summary>
    public long MessageToken { get; }

    /// <summary>Gets which way the message went.</summary>
    public ChatDirection Direction { get; }

    /// <summary>Gets how the message entered the conversation.</summary>
    public ChatMessageOrigin Origin { get; }

    /// <summary>Gets when the message was sent, by the emulator's clock.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Gets the message as the receiving side sees it (a bot message keeps its sender, keyboard and tracking data).</summary>
    public ViberMessage Message { get; }

    /// <summary>Gets the message's JSON exactly as it was sent (for a broadcast, after placeholder replacement).</summary>
    public string Json { get; }

    /// <summary>Gets a value indicating whether a user's message came from a silent button (not shown in the chat).</summary>
    public bool Silent { get; }

    /// <summary>Gets the bot's sender name and avatar for a bot message.</summary>
    public ViberSender? Sender => Message.Sender;

    /// <summary>Gets the text of a text message or the caption of a picture, if any.</summary>
    public string? Text => Message switch
    {
        TextMessage text => text.Text,
        PictureMessage picture => picture.Text,
        _ => null,
    };

    /// <summary>Gets where the message is now.</summary>
    public DeliveryState State => _state.State;

    /// <summary>Gets why the message failed, when <see cref="State"/> is <see cref="DeliveryState.Failed"/>.</summary>
    public string? FailureReason => _state.FailureReason;

    /// <inheritdoc />
    public override string ToString() => $"{Direction} {Message.Type ?? "keyboard"} #{MessageToken} ({State}): {Json}";

    internal void SetState(DeliveryState state, string? failureReason = null) => _state = new StateSnapshot(state, failureReason);

    // State and reason change together, so they are swapped as one immutable pair.
    private sealed record StateSnapshot(DeliveryState State, string? FailureReason);
}
