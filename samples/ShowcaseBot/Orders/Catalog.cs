namespace ShowcaseBot.Orders;

/// <summary>What the café sells: fixed here, a database in a real bot.</summary>
public static class Catalog
{
    /// <summary>Gets the products, in carousel order.</summary>
    public static IReadOnlyList<Product> Products { get; } =
    [
        new("espresso", "Espresso", 45m, "Strong and short", "espresso.png"),
        new("latte", "Latte", 60m, "Milky and mild", "latte.png"),
        new("croissant", "Croissant", 55m, "Butter, baked this morning", "croissant.png"),
    ];

    /// <summary>Finds a product by its SKU.</summary>
    /// <param name="sku">The SKU.</param>
    /// <returns>The product, or <see langword="null"/>.</returns>
    public static Product? Find(string sku) => Products.FirstOrDefault(p => p.Sku == sku);
}
