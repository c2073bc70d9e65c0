using System.Diagnostics;
using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Background;

/// <summary>A callback for the background queue, with its claimed deduplication key and the trace context it arrived in.</summary>
/// <param name="Callback">The callback, parsed from <paramref name="Body"/>.</param>
/// <param name="Body">The verified raw body (a copy the item owns): what a durable queue stores and parses again.</param>
/// <param name="Key">Its claimed deduplication key.</param>
/// <param name="Parent">The receive activity's context, continued by the worker.</param>
/// <param name="ClaimToken">The token the key was claimed with; only it completes or releases the claim.</param>
internal sealed record ViberWorkItem(ViberCallback Callback, ReadOnlyMemory<byte> Body, string Key, ActivityContext Parent, string ClaimToken);
