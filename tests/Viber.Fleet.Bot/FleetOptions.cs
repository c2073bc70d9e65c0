namespace Viber.Fleet.Bot;

/// <summary>Who this instance is and where its handlers report, bound from <c>Fleet:*</c>.</summary>
internal sealed class FleetOptions
{
    /// <summary>Gets or sets the instance's name, such as <c>A</c>.</summary>
    public string Name { get; set; } = "?";

    /// <summary>Gets or sets the test's sink, such as <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri? Sink { get; set; }
}
