namespace ShowcaseBot.Orders;

/// <summary>An order being put together, kept in the user's conversation state between messages.</summary>
/// <param name="Step">The <see cref="OrderStep"/> the order waits for.</param>
/// <param name="Sku">The product.</param>
/// <param name="Quantity">How many; 0 until the user said.</param>
/// <param name="Latitude">Where to deliver, once shared.</param>
/// <param name="Longitude">Where to deliver, once shared.</param>
public sealed record OrderDraft(string Step, string Sku, int Quantity = 0, double? Latitude = null, double? Longitude = null);
