using System.Globalization;

namespace Viber.Fleet.Bot;

/// <summary>
/// Reports to the test: <c>POST handled/{token}/{instance}</c> once a handler finished, and
/// <c>POST block/{token}/{instance}</c>, which the test answers only when it releases the handler. A failed report
/// fails the handler, so the callback is delivered again rather than counted as lost.
/// </summary>
internal sealed class FleetSink(HttpClient http, FleetOptions fleet)
{
    public async Task BlockAsync(long token, CancellationToken cancellationToken)
        => (await http.PostAsync(Path("block", token), null, cancellationToken)).EnsureSuccessStatusCode();

    public async Task HandledAsync(long token, CancellationToken cancellationToken)
        => (await http.PostAsync(Path("handled", token), null, cancellationToken)).EnsureSuccessStatusCode();

    private string Path(string what, long token) => string.Create(CultureInfo.InvariantCulture, $"{what}/{token}/{fleet.Name}");
}
