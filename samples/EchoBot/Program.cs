using EchoBot.Handlers;
using Microsoft.AspNetCore.HttpOverrides;
using Serilog;
using Viber.AspNetCore;

// The smallest useful Viber bot: echoes text, names other message types, welcomes and thanks users.
// Configured only through Viber:* settings (environment variables Viber__AuthToken, Viber__WebhookUrl, ...) and
// ASPNETCORE_URLS; see README.md.
var builder = WebApplication.CreateBuilder(args);

// Serilog writes the app's logs and one line per request; writeToProviders keeps other logging providers working
// (tests add theirs), and clearing the defaults keeps the console from printing everything twice.
builder.Logging.ClearProviders();
builder.Services.AddSerilog(
    (services, logger) => logger
        .ReadFrom.Configuration(builder.Configuration)
        .ReadFrom.Services(services)
        .Enrich.FromLogContext()
        .WriteTo.Console(),
    writeToProviders: true);

// Emulator seam: when Viber:AuthToken is empty, the sample is to run against the Viber emulator (Viber.Testing)
// instead of Viber, configured right here before AddViberBot. Until then, AddViberBot's validation stops the app
// at start with "Viber:AuthToken is required ...".
builder.Services.AddViberBot(builder.Configuration.GetSection(ViberBotOptions.SectionName))
    .AddEventHandler<EchoHandler>()
    .AddEventHandler<WelcomeHandler>()
    .AddEventHandler<SubscribedHandler>()
    .AddEventHandler<StatusLogHandler>();

// Behind a reverse proxy on the same host (nginx, Caddy) the client address and scheme come from X-Forwarded-*.
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

var app = builder.Build();
app.UseForwardedHeaders();
app.UseSerilogRequestLogging();
app.MapViberWebhook();
app.MapHealthChecks("/health");
app.Run();
