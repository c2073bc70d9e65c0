namespace Viber.Emulator.ChatPage.Views;

/// <summary>The body of every error the page API answers: <c>{ "error": "...", "field": "..." }</c>.</summary>
/// <param name="Error">What is wrong, in words the page shows as they are (<c>location.lat: a number ...</c>).</param>
/// <param name="Field">The field at fault: a JSON path (<c>location.lat</c>) or route value (<c>id</c>), if any.</param>
internal sealed record PageError(string Error, string? Field = null);
