namespace Viber.Testing.ChatPage.Views;

/// <summary>The emulated bot account as the page shows it. The auth token is never part of it.</summary>
internal sealed record PageBot
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Uri { get; init; }

    public string? Avatar { get; init; }

    public string? Webhook { get; init; }

    public IReadOnlyList<string>? EventTypes { get; init; }

    public bool SendName { get; init; }

    public bool SendPhoto { get; init; }

    public int SubscribersCount { get; init; }
}
