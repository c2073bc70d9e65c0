using ShowcaseBot.Menus;
using ShowcaseBot.Orders;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Emulator.Conversations;
using Viber.Emulator.Users;
using Viber.ShowcaseBot.Tests.Support;

namespace Viber.ShowcaseBot.Tests;

/// <summary>The carousel and the order flow (product → quantity → location → confirm), end to end on the emulator.</summary>
public sealed class OrderFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Order_shows_a_carousel_with_a_card_per_product()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = host.Emulator.CreateUser("Olena");

        await user.SendTextAsync(MenuActions.Order, Ct);
        await user.WaitForMessageAsync(cancellationToken: Ct);
        var carousel = await user.WaitForMessageAsync(cancellationToken: Ct);

        var richMedia = Assert.IsType<RichMediaMessage>(carousel.Message).RichMedia!;
        Assert.Equal(DeliveryState.Delivered, carousel.State);
        Assert.Equal(Catalog.Products.Count * CatalogCarousel.ButtonsPerCard, richMedia.Buttons.Count);
        Assert.Equal(
            Catalog.Products.Select(p => $"buy:{p.Sku}"),
            richMedia.Buttons.Where(b => b.Text == "Buy").Select(b => b.ActionBody));
        Assert.All(richMedia.Buttons.Where(b => b.Image is not null), b => Assert.StartsWith("http", b.Image, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_whole_order_goes_from_the_carousel_to_a_confirmation()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = host.Emulator.CreateUser(new EmulatedUserProfile { Name = "Olena", Latitude = 49.8397, Longitude = 24.0297 });
        var latte = await OpenCarouselAndBuyAsync(user, card: 1);

        var askQuantity = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapKeyboardButtonAsync("2", Ct);
        var askLocation = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapKeyboardButtonAsync("📍 Send my location", Ct);
        var askConfirm = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapKeyboardButtonAsync(OrderKeyboards.ConfirmAction, Ct);
        var confirmed = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("latte", latte);
        Assert.Equal("How many Latte? Send a number from 1 to 20.", askQuantity.Text);
        Assert.Equal(OrderStep.Quantity, askQuantity.Message.TrackingData);
        Assert.Contains(askLocation.Message.Keyboard!.Buttons, b => b.ActionType == ButtonActionType.LocationPicker);
        Assert.Equal("2 × Latte for 120 UAH, to 49.8397, 24.0297. Confirm?", askConfirm.Text);
        Assert.Equal("Order #1 confirmed: 2 × Latte, 120 UAH. It is on its way!", confirmed.Text);
        var order = Assert.Single(host.Services.GetRequiredService<OrderBook>().Orders);
        Assert.Equal((user.Id, "latte", 2, 49.8397, 24.0297), (order.UserId, order.Product.Sku, order.Quantity, order.Latitude, order.Longitude));
        Assert.Contains(user.Keyboard!.Buttons, b => b.ActionBody == MenuActions.Order);
    }

    [Fact]
    public async Task A_quantity_that_is_not_1_to_20_is_asked_again()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = host.Emulator.CreateUser("Taras");
        await OpenCarouselAndBuyAsync(user, card: 0);
        await user.WaitForMessageAsync(cancellationToken: Ct);

        await user.SendTextAsync("lots", Ct);
        var notANumber = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendTextAsync("21", Ct);
        var tooMany = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendTextAsync("7", Ct);
        var askLocation = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("Please send a whole number from 1 to 20.", notANumber.Text);
        Assert.Equal("Please send a whole number from 1 to 20.", tooMany.Text);
        Assert.Equal(OrderStep.Quantity, tooMany.Message.TrackingData);
        Assert.StartsWith("7 × Espresso.", askLocation.Text, StringComparison.Ordinal);
        Assert.Equal(OrderStep.Location, askLocation.Message.TrackingData);
    }

    [Fact]
    public async Task A_cancelled_order_cannot_be_confirmed()
    {
        await using var host = await ShowcaseHost.StartAsync(Ct);
        var user = host.Emulator.CreateUser("Iryna");
        await OpenCarouselAndBuyAsync(user, card: 2);
        await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapKeyboardButtonAsync("3", Ct);
        await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapKeyboardButtonAsync("📍 Send my location", Ct);
        await user.WaitForMessageAsync(cancellationToken: Ct);

        await user.TapKeyboardButtonAsync(OrderKeyboards.CancelAction, Ct);
        var cancelled = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.SendTextAsync(OrderKeyboards.ConfirmAction, Ct);
        var stale = await user.WaitForMessageAsync(cancellationToken: Ct);

        Assert.Equal("Order cancelled. Anything else?", cancelled.Text);
        Assert.Equal("That order is no longer open. Tap Order to start a new one.", stale.Text);
        Assert.Empty(host.Services.GetRequiredService<OrderBook>().Orders);
    }

    /// <summary>Opens the carousel from the menu and taps a card's Buy button.</summary>
    /// <returns>The SKU the tapped button buys.</returns>
    private static async Task<string> OpenCarouselAndBuyAsync(EmulatedUser user, int card)
    {
        await user.SendTextAsync(MenuActions.Order, Ct);
        await user.WaitForMessageAsync(cancellationToken: Ct);
        var carousel = await user.WaitForMessageAsync(cancellationToken: Ct);
        await user.TapRichMediaButtonAsync(carousel.MessageToken, (card * CatalogCarousel.ButtonsPerCard) + CatalogCarousel.BuyButton, Ct);
        return Catalog.Products[card].Sku;
    }
}
