using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EchoBot.Limits;

/// <summary>
/// The limits that keep the bot answering under a flood: Kestrel's connection and header limits from
/// <c>Kestrel:Limits:*</c>, and per-client-IP request rate limits from <c>RateLimiting:*</c>.
/// </summary>
public static class EchoBotLimits
{
    /// <summary>The rate limiting policy of the webhook endpoint.</summary>
    public const string WebhookPolicy = "webhook";

    /// <summary>The rate limiting policy of the health endpoint.</summary>
    public const string HealthPolicy = "health";

    /// <summary>Binds Kestrel's limits and registers the rate limiting policies.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddEchoBotLimits(this WebApplicationBuilder builder)
    {
        // WebApplication's default Kestrel loading reads only Kestrel:Endpoints, Certificates and EndpointDefaults:
        // without this, Kestrel:Limits:* (and Kestrel__Limits__* variables) are silently ignored.
        builder.Services.Configure<KestrelServerOptions>(builder.Configuration.GetSection("Kestrel"));

        var settings = builder.Configuration.GetSection(RateLimitingSettings.SectionName).Get<RateLimitingSettings>() ?? new RateLimitingSettings();
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = static (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.AddPolicy(WebhookPolicy, PerClientAddress(settings.Enabled, settings.Webhook));
            options.AddPolicy(HealthPolicy, PerClientAddress(settings.Enabled, settings.Health));
        });
        return builder;
    }

    // The address is the client's after UseForwardedHeaders, so behind a proxy each client has its own window rather
    // than all sharing the proxy's. Keyed by the IPAddress itself (compared by value) and with the window's options
    // made once: the limiter runs on every webhook call, and a string of the address and a new options closure per
    // request were work for nothing.
    private static Func<HttpContext, RateLimitPartition<IPAddress>> PerClientAddress(bool enabled, RateLimitWindow window)
    {
        var options = new FixedWindowRateLimiterOptions
        {
            PermitLimit = window.PermitLimit,
            Window = window.Window,
            QueueLimit = 0,
        };
        Func<IPAddress, FixedWindowRateLimiterOptions> factory = _ => options;
        return enabled
            ? context => RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress ?? IPAddress.None, factory)
            : static context => RateLimitPartition.GetNoLimiter(context.Connection.RemoteIpAddress ?? IPAddress.None);
    }
}
