using System.Net;
using System.Net.Http.Headers;
using Viber.Api;
using Viber.Emulator.Api;

namespace Viber.Emulator.Hosting;

/// <summary>
/// Serves the fake Bot API in-process, with no sockets: requests to <c>{any host}{apiPath}{method}</c> are answered
/// by the emulator exactly as over HTTP. Give it to the bot's HttpClient (or to every client with
/// <c>ConfigureHttpClientDefaults</c>); any other path gets 404.
/// </summary>
public sealed class ViberEmulatorHttpHandler : HttpMessageHandler
{
    private readonly ViberEmulator _emulator;
    private readonly string _apiPath;

    /// <summary>Initializes a new instance of the <see cref="ViberEmulatorHttpHandler"/> class.</summary>
    /// <param name="emulator">The emulator that answers.</param>
    /// <param name="apiPath">The path the API is served under; <c>/pa/</c> by default.</param>
    public ViberEmulatorHttpHandler(ViberEmulator emulator, string apiPath = ViberEmulatorDefaults.ApiPath)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentException.ThrowIfNullOrEmpty(apiPath);
        _emulator = emulator;
        _apiPath = "/" + apiPath.Trim('/') + "/";
        if (_apiPath == "//")
        {
            _apiPath = "/";
        }
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (!path.StartsWith(_apiPath, StringComparison.Ordinal) || path.Length == _apiPath.Length || path.IndexOf('/', _apiPath.Length) >= 0)
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request };
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var token = request.Headers.TryGetValues(ViberApiMethods.AuthTokenHeader, out var values) ? values.FirstOrDefault() : null;
        var answer = await _emulator.ProcessApiAsync(new ApiRequest(path[_apiPath.Length..], request.Method.Method, token, body), cancellationToken).ConfigureAwait(false);

        var response = new HttpResponseMessage((HttpStatusCode)answer.HttpStatus) { RequestMessage = request, Content = new ByteArrayContent(answer.Body) };
        if (answer.Body.Length > 0)
        {
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ApiResponse.ContentType);
        }

        return response;
    }
}
