namespace ShowcaseBot.Admin;

/// <summary>The answer of POST /admin/broadcast.</summary>
/// <param name="Receivers">How many subscribers the broadcast was sent to.</param>
/// <param name="Sent">How many of them Viber accepted it for.</param>
/// <param name="Failed">The others, with Viber's reason.</param>
public sealed record BroadcastReport(int Receivers, int Sent, IReadOnlyList<FailedReceiver> Failed);
