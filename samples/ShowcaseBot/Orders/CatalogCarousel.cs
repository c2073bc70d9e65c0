using System.Globalization;
using ShowcaseBot.Media;
using Viber.Api.Keyboards;
using Viber.Api.Messages;

namespace ShowcaseBot.Orders;

/// <summary>The catalog as a rich media carousel: one card per product, with its picture, name, price and a Buy button.</summary>
public static class CatalogCarousel
{
    /// <summary>Each card's three buttons: picture, caption, Buy. Tests tap <c>card * ButtonsPerCard + BuyButton</c>.</summary>
    public const int ButtonsPerCard = 3;

    /// <summary>The index of the Buy button within a card.</summary>
    public const int BuyButton = 2;

    /// <summary>Builds the carousel message.</summary>
    /// <param name="media">Where the pictures are served.</param>
    /// <returns>The message, with a keyboard that leads back to the menu.</returns>
    public static RichMediaMessage Build(MediaLinks media)
    {
        // Cards of 6 columns × 7 rows: the picture (3 rows), the caption (2) and Buy (2); a tap anywhere on a card buys.
        var builder = new RichMediaBuilder(columns: 6, rows: 7).WithBackgroundColor("#FFFFFF");
        foreach (var product in Catalog.Products)
        {
            builder
                .AddButton(new Button
                {
                    Columns = 6,
                    Rows = 3,
                    ActionType = ButtonActionType.Reply,
                    ActionBody = BuyAction(product),
                    Image = media.UrlOf(product.Image),
                })
                .AddButton(new Button
                {
                    Columns = 6,
                    Rows = 2,
                    ActionType = ButtonActionType.Reply,
                    ActionBody = BuyAction(product),
                    Text = string.Create(CultureInfo.InvariantCulture, $"<b>{product.Name}</b> · {product.Price:0} UAH<br>{product.Description}"),
                })
                .AddReplyButton("Buy", BuyAction(product), rows: 2);
        }

        return new RichMediaMessage
        {
            RichMedia = builder.Build(),
            AltText = "Our menu: " + string.Join(", ", Catalog.Products.Select(p => p.Name)),
            Keyboard = OrderKeyboards.BackToMenu(),
        };
    }

    /// <summary>Gets the ActionBody that starts an order of a product; the <c>buy:{sku}</c> route takes it.</summary>
    /// <param name="product">The product.</param>
    /// <returns>The action body.</returns>
    public static string BuyAction(Product product) => $"buy:{product.Sku}";
}
