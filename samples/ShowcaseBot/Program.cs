using Microsoft.AspNetCore.HttpOverrides;
using Serilog;
using ShowcaseBot;
using ShowcaseBot.Account;
using ShowcaseBot.Admin;
using ShowcaseBot.Media;
using ShowcaseBot.Menus;
using ShowcaseBot.Orders;
using ShowcaseBot.Subscribers;
using Viber.Api.Messages;
using Viber.AspNetCore;
using Viber.Emulator.Hosting;

// A small café bot that shows most of the library: a welcome with a keyboard, a main menu, a carousel, an order flow
// on conversation state, media messages, deep links, user details, get_online and an admin broadcast. See README.md,
// "samples/ShowcaseBot".
var builder = WebApplication.CreateBuilder(args);

// Serilog as in EchoBot: this host's own logger, other providers kept (tests add theirs).
builder.Logging.ClearProviders();
builder.Services.AddSerilog(
    (services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext().WriteTo.Console(),
    preserveStaticLogger: true,
    writeToProviders: true);

// No Viber:AuthToken in Development: the bot runs on the emulator inside this app (chat page at /viber-emulator).
// Anywhere else a missing token stops the app at start-up.
var emulated = builder.UseViberEmulatorWhenNoToken();

builder.Services.AddOptions<ShowcaseOptions>().BindConfiguration(ShowcaseOptions.SectionName);
builder.Services.AddSingleton<ISubscriberStore, InMemorySubscriberStore>();
builder.Services.AddSingleton<OrderBook>();
builder.Services.AddSingleton<MediaLinks>();
builder.Services.AddSingleton<BroadcastProgressTracker>();

// Handlers see every callback of their types; then the routes take messages, first match wins, in this order.
builder.Services.AddViberBot(builder.Configuration.GetSection(ViberBotOptions.SectionName))
    .AddEventHandler<SubscriberTracker>()
    .AddEventHandler<WelcomeMessage>()

    // The main menu's buttons.
    .OnAction(MenuActions.Menu, MenuRoutes.ShowAsync)
    .OnAction<MediaLinks>(MenuActions.Order, OrderRoutes.ShowCatalogAsync)
    .OnAction<MediaLinks>(MenuActions.Media, MediaRoutes.SendSamplesAsync)
    .OnAction(MenuActions.AboutMe, AccountRoutes.AboutMeAsync)
    .OnAction<ISubscriberStore>(MenuActions.Online, AccountRoutes.OnlineAsync)
    .OnAction(MenuActions.Invite, AccountRoutes.InviteAsync)

    // The order flow: the carousel's buy:{sku}, then each step's answer, recognised by the tracking data the bot's
    // question carried; Cancel and Confirm are buttons.
    .OnAction("buy:{sku}", OrderRoutes.StartAsync)
    .OnAction(OrderKeyboards.CancelAction, OrderRoutes.CancelAsync)
    .OnAction<OrderBook>(OrderKeyboards.ConfirmAction, OrderRoutes.ConfirmAsync)
    .When(context => context.TrackingData == OrderStep.Quantity, OrderRoutes.TakeQuantityAsync)
    .When(context => context.TrackingData == OrderStep.Location, OrderRoutes.TakeLocationAsync)

    // Media the user sends outside the flow.
    .OnMessage<PictureMessage>(MediaRoutes.ReceivedPictureAsync)
    .OnMessage<FileMessage>(MediaRoutes.ReceivedFileAsync)
    .OnMessage<ContactMessage>(MediaRoutes.ReceivedContactAsync)
    .OnMessage<LocationMessage>(MediaRoutes.ReceivedLocationAsync)
    .Otherwise(MenuRoutes.NotUnderstoodAsync);

// Behind a reverse proxy the scheme and path prefix come from X-Forwarded-* (see README, "Behind a reverse proxy").
builder.Services.Configure<ForwardedHeadersOptions>(options =>
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedPrefix);

var app = builder.Build();
// The media URL comes from settings: check them now, so a wrong one stops the start-up rather than the first picture.
_ = app.Services.GetRequiredService<MediaLinks>();
app.UseForwardedHeaders();
// wwwroot/media: the pictures and the file the bot sends, which Viber downloads from this app.
app.UseStaticFiles();
app.UseRouting();
app.MapViberWebhook();
app.MapBroadcast();
app.MapHealthChecks("/health");
if (emulated)
{
    app.MapViberEmulator();
}

app.Run();
