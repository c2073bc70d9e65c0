namespace Viber.Emulator.ChatPage.Views;

/// <summary>
/// One emulator event as the page's live stream sends it. <see cref="Kind"/> is <c>api</c>, <c>callback</c> or
/// <c>error</c> for what the side panel lists, and <c>message</c>, <c>message-state</c>, <c>user</c> or
/// <c>webhook</c> for what only makes the page refresh.
/// </summary>
internal sealed record PageEvent
{
    public required long Seq { get; init; }

    public required DateTimeOffset Time { get; init; }

    public required string Kind { get; init; }

    public required string Summary { get; init; }

    /// <summary>Gets the raw request and answer, JSON indented, for the side panel.</summary>
    public string? Detail { get; init; }

    /// <summary>Gets whether it went well; <see langword="null"/> when neither (a retry being scheduled, a message).</summary>
    public bool? Ok { get; init; }

    public string? UserId { get; init; }

    /// <summary>Gets <see langword="true"/> when the user list or the bot account changed.</summary>
    public bool? RefreshUsers { get; init; }
}
