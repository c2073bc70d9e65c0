namespace ShowcaseBot.Orders;

/// <summary>Something the café sells.</summary>
/// <param name="Sku">The id a carousel button sends back (<c>buy:{sku}</c>).</param>
/// <param name="Name">The name shown to users.</param>
/// <param name="Price">The price of one, in hryvnias.</param>
/// <param name="Description">One line under the name.</param>
/// <param name="Image">The picture's file name in <c>wwwroot/media</c>.</param>
public sealed record Product(string Sku, string Name, decimal Price, string Description, string Image);
