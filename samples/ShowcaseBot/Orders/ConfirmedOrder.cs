namespace ShowcaseBot.Orders;

/// <summary>An order the user confirmed.</summary>
/// <param name="Number">The order number the user is told.</param>
/// <param name="UserId">Who ordered.</param>
/// <param name="Product">What.</param>
/// <param name="Quantity">How many.</param>
/// <param name="Latitude">Where to deliver.</param>
/// <param name="Longitude">Where to deliver.</param>
public sealed record ConfirmedOrder(int Number, string UserId, Product Product, int Quantity, double Latitude, double Longitude)
{
    /// <summary>Gets the price of the whole order.</summary>
    public decimal Total => Product.Price * Quantity;
}
