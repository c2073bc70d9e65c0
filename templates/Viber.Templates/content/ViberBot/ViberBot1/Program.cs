using Microsoft.AspNetCore.HttpOverrides;
using Viber.AspNetCore;
using Viber.Emulator.Hosting;
using ViberBot1.Handlers;
using ViberBot1.Limits;

var builder = WebApplication.CreateBuilder(args);

// With no Viber:AuthToken in Development the bot runs against the Viber emulator inside this app (no account, no
// internet): the start-up log prints the chat page's URL. Anywhere else a missing token stops the app.
var emulated = builder.UseViberEmulatorWhenNoToken();

builder.Services.AddViberBot(builder.Configuration.GetSection(ViberBotOptions.SectionName))
    .AddEventHandler<EchoHandler>()
    .AddEventHandler<WelcomeHandler>();

// Behind a reverse proxy on the same host (nginx, Caddy) the client address, scheme and path prefix (the app's path
// base) come from X-Forwarded-*.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix);

// Kestrel:Limits:* and RateLimiting:* (appsettings.json): bounded connections, a header deadline and per-client-IP
// request rates, so a flood cannot take the memory or starve /health.
builder.AddBotLimits();

var app = builder.Build();
app.UseForwardedHeaders();
// Routing after the forwarded headers, so the webhook's route sees the path base a proxy's X-Forwarded-Prefix sets;
// the rate limiter after routing, which picks each endpoint's policy.
app.UseRouting();
app.UseRateLimiter();
app.MapViberWebhook().RequireRateLimiting(BotLimits.WebhookPolicy);
var health = app.MapHealthChecks("/health").RequireRateLimiting(BotLimits.HealthPolicy);
if (builder.Configuration["Health:Port"] is { Length: > 0 } healthPort)
{
    // /health on its own listener (add it to ASPNETCORE_URLS): Kestrel counts MaxConcurrentConnections per listener,
    // so a flood that fills the webhook's connections cannot starve the load balancer's probes.
    health.RequireHost($"*:{healthPort}");
}
if (emulated)
{
    app.MapViberEmulator();
}

app.Run();
