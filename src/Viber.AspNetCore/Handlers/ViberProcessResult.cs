namespace Viber.AspNetCore.Handlers;

/// <summary>The result of processing a claimed callback.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="WelcomeBody">The serialized welcome message to write as the response body, if any.</param>
/// <param name="Failure">What a failed handler threw (already logged), for a durable queue's dead-letter record.</param>
internal readonly record struct ViberProcessResult(ViberProcessOutcome Outcome, byte[]? WelcomeBody = null, Exception? Failure = null);
