using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.AspNetCore;
using Viber.AspNetCore.Redis;
using Viber.AspNetCore.Redis.Streams;
using Viber.AspNetCore.Users;
using Viber.Fleet.Bot;

// One instance of a scaled-out bot: Background dispatch over Redis Streams, Redis deduplication, the fleet-wide
// broadcast budget and the shared user-details cache, all configured from Viber__* environment variables as in
// production. Fleet__Name names the instance and Fleet__Sink is the test's endpoint where handlers report.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var fleet = builder.Configuration.GetSection("Fleet").Get<FleetOptions>() ?? throw new InvalidOperationException("Set Fleet__Name and Fleet__Sink.");
builder.Services.AddSingleton(fleet);
builder.Services.AddHttpClient<FleetSink>(http =>
{
    http.BaseAddress = fleet.Sink;
    http.Timeout = TimeSpan.FromMinutes(2);
});
builder.Services.AddViberBot(builder.Configuration.GetSection("Viber"))
    .AddRedisBackgroundDispatch()
    .AddRedisScaleOut()
    .On<MessageCallback, FleetSink>(async (callback, sink, cancellationToken) =>
    {
        var token = callback.MessageToken ?? throw new InvalidOperationException("A message callback without message_token.");
        if (callback.Message is TextMessage { Text: "block" })
        {
            // Holds the handler until the test releases it (or kills this process meanwhile).
            await sink.BlockAsync(token, cancellationToken);
        }

        await sink.HandledAsync(token, cancellationToken);
    });
builder.Services.AddHealthChecks();

var app = builder.Build();
app.MapViberWebhook();
app.MapHealthChecks("/health");

// Test-only endpoints: what an operator's job or an admin page would do on one instance.
app.MapPost("/fleet/broadcast", async (int requests, string receiver, IViberBotClient viber, CancellationToken cancellationToken) =>
{
    await Task.WhenAll(Enumerable.Range(0, requests).Select(i =>
        viber.BroadcastMessageAsync(new TextMessage { Text = $"news {i} from {fleet.Name}" }, [receiver], cancellationToken)));
    return Results.Ok();
});
app.MapGet("/fleet/details", async (string userId, IViberUserDetailsCache details, CancellationToken cancellationToken) =>
    Results.Text((await details.GetAsync(userId, cancellationToken)).Name));
await app.RunAsync();
