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

    // The container, then its items: null (so WaitForFunction polls again) until there are as many items as expected
    // and every box has a width, that is until a re-render that hides the keyboard between two frames is over.
    private const string MeasureShown = """
        ([container, items, count]) => {
            const elements = [document.querySelector(container), ...document.querySelectorAll(container + ' ' + items)];
            if (elements[0] === null || elements.length !== count + 1) return null;
            const boxes = elements.map(e => e.getBoundingClientRect());
            return boxes.every(r => r.width > 0 && r.height > 0) ? boxes.map(r => [r.x, r.y, r.width, r.height]) : null;
        }
        """;

    /// <summary>
    /// Waits until a container and its <paramref name="count"/> items are all laid out with a size, then returns
    /// their boxes from that one script run: the container first, then the items in document order. Measuring the
    /// container and its items in two runs once caught the chat page re-rendering in between, with a width of 0.
    /// </summary>
    /// <param name="page">The page.</param>
    /// <param name="container">The container's CSS selector.</param>
    /// <param name="items">The items' CSS selector, within the container.</param>
    /// <param name="count">How many items to wait for.</param>
    /// <returns>The container's box, then one box per item.</returns>
    public static async Task<IReadOnlyList<Box>> OfShownAsync(IPage page, string container, string items, int count)
    {
        var handle = await page.WaitForFunctionAsync(MeasureShown, new object[] { container, items, count });
        var boxes = await handle.JsonValueAsync<double[][]>();
        return [.. boxes.Select(b => new Box(b[0], b[1], b[2], b[3]))];
    }

    /// <summary>The boxes of the elements <paramref name="locator"/> matches, in document order.</summary>
    /// <param name="locator">The elements; the caller first awaits that they are all shown.</param>
    /// <returns>One box per element.</returns>
    public static async Task<IReadOnlyList<Box>> OfAsync(ILocator locator)
    {
        var boxes = await locator.EvaluateAllAsync<double[][]>(Measure);
        return [.. boxes.Select(b => new Box(b[0], b[1], b[2], b[3]))];
    }
}
