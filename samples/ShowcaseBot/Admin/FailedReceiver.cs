namespace ShowcaseBot.Admin;

/// <summary>A subscriber the broadcast did not reach, from Viber's <c>failed_list</c>.</summary>
/// <param name="Receiver">The user's id.</param>
/// <param name="Status">Viber's status code (5 receiverNotRegistered, 6 receiverNotSubscribed, ...).</param>
/// <param name="StatusMessage">Viber's explanation.</param>
public sealed record FailedReceiver(string? Receiver, int Status, string? StatusMessage);
