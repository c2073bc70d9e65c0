namespace Viber.Emulator.ChatPage.Views;

/// <summary>
/// The body of <c>POST api/users/{id}/tap</c>: a button of the keyboard the client shows (no
/// <see cref="MessageToken"/>), or of the rich media message with that token.
/// </summary>
internal sealed record TapRequest
{
    /// <summary>Gets the button's index in <c>Buttons</c>.</summary>
    public int? Index { get; init; }

    /// <summary>Gets the rich media message's token, as a string (19 digits do not survive JavaScript numbers).</summary>
    public string? MessageToken { get; init; }
}
