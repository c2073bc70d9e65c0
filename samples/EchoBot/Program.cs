using EchoBot;
using EchoBot.Handlers;
using EchoBot.Limits;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;
using Viber.AspNetCore;
using Viber.Emulator.Hosting;

// The smallest useful Viber bot: echoes text, names other message types, welcomes and thanks users.
// Configured only through Viber:* settings (environment variables Viber__AuthToken, Viber__WebhookUrl, ...) and
// ASPNETCORE_URLS; see README.md.
var builder = WebApplication.CreateBuilder(args);

// Serilog writes the app's logs and one line per request; writeToProviders keeps other logging providers working
// (tests add theirs), and clearing the defaults keeps the console from printing everything twice. The logger belongs
// to this host only (preserveStaticLogger): the static Log.Logger is shared by the whole process, so hosts started
// side by side (tests, several apps in one process) would otherwise write into each other's sinks.
builder.Logging.ClearProviders();
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .WriteTo.Console(),
    preserveStaticLogger: true,
    writeToProviders: true);

// With no Viber:AuthToken the bot runs against the Viber emulator inside this app (no account, no internet):
// the start-up log prints the chat page URL. With a token it talks to Viber for real.
var emulated = builder.UseViberEmulatorWhenNoToken();

builder.Services.AddViberBot(builder.Configuration.GetSection(ViberBotOptions.SectionName))
    .AddEventHandler<EchoHandler>()
    .AddEventHandler<WelcomeHandler>()
    .AddEventHandler<SubscribedHandler>()
    .AddEventHandler<StatusLogHandler>();

// Behind a reverse proxy on the same host (nginx, Caddy) the client address, scheme and stripped path prefix (the
// path base) come from X-Forwarded-*.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix);

// Kestrel:Limits:* and RateLimiting:* (appsettings.json): bounded connections, a header deadline and per-client-IP
// request rates, so a flood of idle connections or requests cannot take the memory or starve /health.
builder.AddEchoBotLimits();

var app = builder.Build();
app.UseForwardedHeaders();
// Routing after the forwarded headers, so the webhook's route sees the path base a proxy's X-Forwarded-Prefix sets
// (WebApplication would otherwise route before the first middleware).
app.UseRouting();
// The request log goes to this host's logger (the static one is left alone, see AddSerilog above). Two kinds of request
// log at Debug: the emulator's chat page and its API (a request per page action and refresh), which would bury the
// bot's own lines, and webhook calls that succeeded, whose handlers write their own line (at Debug for messages and
// receipts: a console line per callback took about a third of the sample's CPU per callback under load).
// Refused webhook calls (a bad signature, a limit) stay at Information and errors stay errors, as in Serilog's default.
app.UseSerilogRequestLogging(options =>
{
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    options.GetLevel = (context, _, exception) =>
        exception is not null || context.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
        : context.Request.Path.StartsWithSegments(ViberEmulatorDefaults.AppPath) ? Serilog.Events.LogEventLevel.Debug
        : context.Response.StatusCode < 400 && EchoBotEndpoints.IsWebhook(context) ? Serilog.Events.LogEventLevel.Debug
        : Serilog.Events.LogEventLevel.Information;
});
// After the request log, so rejected requests (429) are logged too; after routing, which picks the endpoint's policy.
app.UseRateLimiter();
app.MapViberWebhook().WithName(EchoBotEndpoints.Webhook).RequireRateLimiting(EchoBotLimits.WebhookPolicy);
var health = app.MapHealthChecks("/health").RequireRateLimiting(EchoBotLimits.HealthPolicy);
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
