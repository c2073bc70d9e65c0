namespace Viber.Emulator.ChatPage.Views;

/// <summary>A simulated user as the page lists it.</summary>
internal sealed record PageUser
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Avatar { get; init; }

    public required string Country { get; init; }

    public required string Language { get; init; }

    public int ApiVersion { get; init; }

    public int Devices { get; init; }

    public bool Subscribed { get; init; }

    public DateTimeOffset? ConversationStartedAt { get; init; }

    public string? Context { get; init; }
}
