using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ViberBot1.Limits;

/// <summary>
/// The limits that keep the bot answering under a flood: Kestrel's connection and header limits from
/// <c>Kestrel:Limits:*</c>, and per-client-IP request rate limits from <c>RateLimiting:*</c>.
/// </summary>
public static class BotLimits
{
    /// <summary>The rate limiting policy of the webhook endpoint.</summary>
    public const string WebhookPolicy = "webhook";

    /// <summary>The rate limiting policy of the health endpoint.</summary>
    public const string HealthPolicy = "health";

    /// <summary>Binds Kestrel's limits and registers the rate limiting policies.</summary>
    /// <param name="builder">The application builder.</param>
    /// <returns>The builder.</returns>
    public static WebApplicationBuilder AddBotLimits(this WebApplicationBuilder builder)
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
            options.AddPolicy(WebhookPolicy, context => PerClientAddress(context, settings.Enabled, settings.Webhook));
            options.AddPolicy(HealthPolicy, context => PerClientAddress(context, settings.Enabled, settings.Health));
        });
        return builder;
    }

    // The address is the client's after UseForwardedHeaders, so behind a proxy each client has its own window rather
    // than all sharing the proxy's.
    private static RateLimitPartition<string> PerClientAddress(HttpContext context, bool enabled, RateLimitWindow window)
    {
        var address = context.Connection.RemoteIpAddress?.ToString() ?? string.Empty;
        return enabled
            ? RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = window.PermitLimit,
                Window = window.Window,
                QueueLimit = 0,
            })
            : RateLimitPartition.GetNoLimiter(address);
    }
}
