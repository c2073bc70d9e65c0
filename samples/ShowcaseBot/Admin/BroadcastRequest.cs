namespace ShowcaseBot.Admin;

/// <summary>The body of POST /admin/broadcast.</summary>
/// <param name="Text">The text every subscriber gets, at most 7,000 characters.</param>
public sealed record BroadcastRequest(string? Text);
