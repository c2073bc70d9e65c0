namespace Viber.Emulator.ChatPage.Views;

/// <summary>The body of every error the page API answers: <c>{ "error": "..." }</c>.</summary>
/// <param name="Error">What is wrong, in words the page shows as they are.</param>
internal sealed record PageError(string Error);
