namespace Viber.Api.Messages;

/// <summary>
/// A message that only carries a <see cref="ViberMessage.Keyboard"/>: it replaces the keyboard the user sees
/// without showing anything in the chat. It has no <c>type</c> on the wire.
/// </summary>
public sealed class KeyboardMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="KeyboardMessage"/> class.</summary>
    public KeyboardMessage()
        : base(null)
    {
    }
}
