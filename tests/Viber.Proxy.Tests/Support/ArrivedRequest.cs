namespace Viber.Proxy.Tests.Support;

/// <summary>A webhook request as the bot saw it after the forwarded headers were applied.</summary>
/// <param name="Scheme">The request's scheme.</param>
/// <param name="RemoteIpAddress">The client's address.</param>
/// <param name="PathBase">The path base.</param>
/// <param name="Path">The path.</param>
/// <param name="HasSignatureHeader">Whether <c>X-Viber-Content-Signature</c> arrived.</param>
/// <param name="HasSigQuery">Whether the <c>sig</c> query parameter arrived.</param>
public sealed record ArrivedRequest(string Scheme, string? RemoteIpAddress, string PathBase, string Path, bool HasSignatureHeader, bool HasSigQuery);
