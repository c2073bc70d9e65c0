using Microsoft.Playwright;

namespace Viber.Browser.Tests.Support;

/// <summary>
/// Measures every element a locator matches in one script run. Measuring them one by one with
/// <see cref="ILocator.BoundingBoxAsync"/> resolves each element first and measures it in a later step, so a refresh
/// that rebuilds the chat in between leaves a detached element and a null box (a CI run failed that way).
/// </summary>
internal static class Boxes
{
    private const string Measure =
        "elements => elements.map(e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })";

    /// <summary>The boxes of the elements <paramref name="locator"/> matches, in document order.</summary>
    /// <param name="locator">The elements; the caller first awaits that they are all shown.</param>
    /// <returns>One box per element.</returns>
    public static async Task<IReadOnlyList<Box>> OfAsync(ILocator locator)
    {
        var boxes = await locator.EvaluateAllAsync<double[][]>(Measure);
        return [.. boxes.Select(b => new Box(b[0], b[1], b[2], b[3]))];
    }
}
