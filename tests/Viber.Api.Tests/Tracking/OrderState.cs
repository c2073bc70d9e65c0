namespace Viber.Api.Tests.Tracking;

/// <summary>A bot's small conversation state, as an app would carry it in tracking_data.</summary>
public sealed record OrderState(string Step, int Quantity, IReadOnlyList<string> Items);
