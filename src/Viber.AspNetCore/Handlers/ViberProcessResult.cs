namespace Viber.AspNetCore.Handlers;

/// <summary>The result of processing a claimed callback.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="WelcomeBody">The serialized welcome message to write as the response body, if any.</param>
internal readonly record struct ViberProcessResult(ViberProcessOutcome Outcome, byte[]? WelcomeBody = null);
