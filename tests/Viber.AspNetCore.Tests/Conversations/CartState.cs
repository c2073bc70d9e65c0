namespace Viber.AspNetCore.Tests.Conversations;

/// <summary>A multi-step flow's state, too big or too private for tracking_data.</summary>
public sealed record CartState(int Count, IReadOnlyList<string> Items);
