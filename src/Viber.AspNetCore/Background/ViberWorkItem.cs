using System.Diagnostics;
using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Background;

/// <summary>A queued callback with its claimed deduplication key and the trace context it arrived in.</summary>
/// <param name="Callback">The callback.</param>
/// <param name="Key">Its claimed deduplication key.</param>
/// <param name="Parent">The receive activity's context, continued by the worker.</param>
/// <param name="ClaimToken">The token the key was claimed with; only it completes or releases the claim.</param>
internal sealed record ViberWorkItem(ViberCallback Callback, string Key, ActivityContext Parent, string ClaimToken);
