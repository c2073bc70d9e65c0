namespace Viber.Emulator.Api;

/// <summary>One call to the fake Bot API, independent of how it arrived (Kestrel, TestServer, in-process handler).</summary>
/// <param name="Method">The API method from the last path segment, such as <c>send_message</c>.</param>
/// <param name="HttpMethod">The HTTP method.</param>
/// <param name="AuthToken">The <c>X-Viber-Auth-Token</c> header, or <see langword="null"/> when it was not sent.</param>
/// <param name="Body">The raw request body.</param>
internal sealed record ApiRequest(string Method, string HttpMethod, string? AuthToken, ReadOnlyMemory<byte> Body);
