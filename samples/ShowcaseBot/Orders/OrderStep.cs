namespace ShowcaseBot.Orders;

/// <summary>
/// The steps of the order flow. The bot puts the current step in its messages' tracking_data, so the user's answer
/// comes back with it and a route can match on it; the order itself lives in the conversation store, which the user
/// cannot edit.
/// </summary>
public static class OrderStep
{
    public const string Quantity = "order:quantity";
    public const string Location = "order:location";
    public const string Confirm = "order:confirm";
}
