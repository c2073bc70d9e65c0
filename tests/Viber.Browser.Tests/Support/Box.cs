namespace Viber.Browser.Tests.Support;

/// <summary>An element's box in CSS pixels, relative to the viewport.</summary>
/// <param name="X">The left edge.</param>
/// <param name="Y">The top edge.</param>
/// <param name="Width">The width.</param>
/// <param name="Height">The height.</param>
internal sealed record Box(double X, double Y, double Width, double Height);
