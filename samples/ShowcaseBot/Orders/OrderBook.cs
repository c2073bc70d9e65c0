using System.Collections.Concurrent;

namespace ShowcaseBot.Orders;

/// <summary>The confirmed orders, numbered in confirmation order. In memory: a real bot writes them to its database.</summary>
public sealed class OrderBook
{
    private readonly ConcurrentQueue<ConfirmedOrder> _orders = new();
    private int _lastNumber;

    /// <summary>Gets the confirmed orders, oldest first.</summary>
    public IReadOnlyCollection<ConfirmedOrder> Orders => _orders.ToArray();

    /// <summary>Records an order and gives it the next number.</summary>
    /// <param name="userId">Who ordered.</param>
    /// <param name="product">What.</param>
    /// <param name="quantity">How many.</param>
    /// <param name="latitude">Where to deliver.</param>
    /// <param name="longitude">Where to deliver.</param>
    /// <returns>The confirmed order.</returns>
    public ConfirmedOrder Add(string userId, Product product, int quantity, double latitude, double longitude)
    {
        var order = new ConfirmedOrder(Interlocked.Increment(ref _lastNumber), userId, product, quantity, latitude, longitude);
        _orders.Enqueue(order);
        return order;
    }
}
