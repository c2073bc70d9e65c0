using System.Globalization;
using ShowcaseBot.Media;
using ShowcaseBot.Menus;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace ShowcaseBot.Orders;

/// <summary>
/// The order flow: the carousel, then <c>buy:{sku}</c> → quantity → location → confirm, with Cancel at every step.
/// Each step locks the user's conversation (two quick messages from one user wait for each other), checks that the
/// stored draft is at the step the message answers, and moves it on.
/// </summary>
public static class OrderRoutes
{
    public const int MaxQuantity = 20;

    public static async Task ShowCatalogAsync(ViberMessageContext context, MediaLinks media)
    {
        await context.ReplyAsync("Here is our menu. Tap a picture or Buy to order.");
        await context.ReplyAsync(CatalogCarousel.Build(media));
    }

    public static async Task StartAsync(ViberMessageContext context)
    {
        if (Catalog.Find(context["sku"]) is not { } product)
        {
            await context.ReplyAsync($"We do not sell '{context["sku"]}'.", MainMenu.Build());
            return;
        }

        await using var conversation = await context.LockConversationAsync();
        await conversation.SetAsync(new OrderDraft(OrderStep.Quantity, product.Sku), OrderJson.Default.OrderDraft, context.CancellationToken);
        context.ReplyTrackingData = OrderStep.Quantity;
        await context.ReplyAsync($"How many {product.Name}? Send a number from 1 to {MaxQuantity}.", OrderKeyboards.Quantity());
    }

    public static async Task TakeQuantityAsync(ViberMessageContext context)
    {
        await using var conversation = await context.LockConversationAsync();
        var draft = await conversation.GetAsync(OrderJson.Default.OrderDraft, context.CancellationToken);
        if (draft is not { Step: OrderStep.Quantity } || Catalog.Find(draft.Sku) is not { } product)
        {
            await StartOverAsync(context);
            return;
        }

        if (!int.TryParse(context.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var quantity) || quantity is < 1 or > MaxQuantity)
        {
            // The draft stays at this step, and so does the tracking data, so the next answer is a quantity again.
            context.ReplyTrackingData = OrderStep.Quantity;
            await context.ReplyAsync($"Please send a whole number from 1 to {MaxQuantity}.", OrderKeyboards.Quantity());
            return;
        }

        await conversation.SetAsync(draft with { Step = OrderStep.Location, Quantity = quantity }, OrderJson.Default.OrderDraft, context.CancellationToken);
        context.ReplyTrackingData = OrderStep.Location;
        await context.ReplyAsync($"{quantity} × {product.Name}. Where should we bring it? Share your location.", OrderKeyboards.Location());
    }

    public static async Task TakeLocationAsync(ViberMessageContext context)
    {
        await using var conversation = await context.LockConversationAsync();
        var draft = await conversation.GetAsync(OrderJson.Default.OrderDraft, context.CancellationToken);
        if (draft is not { Step: OrderStep.Location } || Catalog.Find(draft.Sku) is not { } product)
        {
            await StartOverAsync(context);
            return;
        }

        if (context.Message is not LocationMessage { Location: { } location })
        {
            context.ReplyTrackingData = OrderStep.Location;
            await context.ReplyAsync("Please share a location: tap \"Send my location\".", OrderKeyboards.Location());
            return;
        }

        var ready = draft with { Step = OrderStep.Confirm, Latitude = location.Latitude, Longitude = location.Longitude };
        await conversation.SetAsync(ready, OrderJson.Default.OrderDraft, context.CancellationToken);
        context.ReplyTrackingData = OrderStep.Confirm;
        await context.ReplyAsync(
            string.Create(CultureInfo.InvariantCulture, $"{ready.Quantity} × {product.Name} for {product.Price * ready.Quantity:0} UAH, to {location.Latitude:0.####}, {location.Longitude:0.####}. Confirm?"),
            OrderKeyboards.Confirm());
    }

    public static async Task ConfirmAsync(ViberMessageContext context, OrderBook orders)
    {
        await using var conversation = await context.LockConversationAsync();
        var draft = await conversation.GetAsync(OrderJson.Default.OrderDraft, context.CancellationToken);
        if (draft is not { Step: OrderStep.Confirm, Latitude: { } latitude, Longitude: { } longitude } || Catalog.Find(draft.Sku) is not { } product)
        {
            await StartOverAsync(context);
            return;
        }

        var order = orders.Add(context.UserId!, product, draft.Quantity, latitude, longitude);
        await conversation.RemoveAsync(context.CancellationToken);
        await context.ReplyAsync(
            string.Create(CultureInfo.InvariantCulture, $"Order #{order.Number} confirmed: {order.Quantity} × {product.Name}, {order.Total:0} UAH. It is on its way!"),
            MainMenu.Build());
    }

    public static async Task CancelAsync(ViberMessageContext context)
    {
        await using var conversation = await context.LockConversationAsync();
        await conversation.RemoveAsync(context.CancellationToken);
        await context.ReplyAsync("Order cancelled. Anything else?", MainMenu.Build());
    }

    /// <summary>
    /// The answer to a step that does not match the stored draft: an old button tapped again, or the draft expired from
    /// the store. The flow restarts rather than guessing.
    /// </summary>
    private static async Task StartOverAsync(ViberMessageContext context)
        => await context.ReplyAsync("That order is no longer open. Tap Order to start a new one.", MainMenu.Build());
}
