namespace Viber.Emulator.ChatPage.Views;

/// <summary>The body of <c>POST api/users</c>; what is left out gets the profile's default.</summary>
internal sealed record CreateUserRequest
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Avatar { get; init; }

    public string? Country { get; init; }

    public string? Language { get; init; }

    public int? ApiVersion { get; init; }

    public int? Devices { get; init; }
}
