using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http.Features;
using Viber.Api.Callbacks;
using Viber.AspNetCore;

namespace Viber.Benchmarks.Webhook;

/// <summary>
/// One signed callback through the whole in-process webhook pipeline (read, verify, parse, deduplication key, claim,
/// dispatch to a no-op handler), driven through the app's request delegate with no server or socket, against a
/// hand-written minimal endpoint in the same app (read, verify the HMAC, parse into a minimal type, answer 200).
/// Allocated bytes per operation are the allocations per callback; both sides pay for the same HttpContext. With
/// <see cref="HandlerAwaits"/> the handler (and the minimal endpoint, after parsing) yields to the thread pool, as one
/// that sends a reply does, so every async step between the request and the handler suspends and resumes.
/// </summary>
[MemoryDiagnoser]
public class WebhookPipelineBenchmarks
{
    private const string Token = "benchmark-token-0123456789";
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(Token);
    private SignedBodies _bodies = null!;
    private WebApplication _app = null!;
    private RequestDelegate _pipeline = null!;
    private IServiceScopeFactory _scopes = null!;

    /// <summary>Gets or sets whether the handler yields to the thread pool instead of completing at once.</summary>
    [Params(false, true)]
    public bool HandlerAwaits { get; set; }

    /// <summary>
    /// Gets or sets whether the handler is a class added with <c>AddEventHandler</c> (scoped, its dependencies
    /// singletons) instead of an <c>On&lt;T&gt;</c> delegate.
    /// </summary>
    [Params(false, true)]
    public bool ClassHandler { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Twice the default deduplication capacity (100,000).
        _bodies = new SignedBodies(Token, 200_000);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var bot = builder.Services.AddViberBot(o =>
        {
            o.AuthToken = Token;
            o.RegisterWebhook = false;
        });
        if (ClassHandler)
        {
            builder.Services.AddSingleton(new NoOpHandlerSettings(HandlerAwaits));
            bot.AddEventHandler<NoOpDeliveredHandler>();
        }
        else
        {
            bot.On<DeliveredCallback>((_, _, _) => HandlerAwaits ? YieldAsync() : Task.CompletedTask);
        }
        _app = builder.Build();
        _app.UseRouting();
        _app.MapViberWebhook();
        _app.MapPost("/minimal", MinimalEndpointAsync);
        // A started host adds the endpoint middleware itself; this app is never started.
        _app.UseEndpoints(_ => { });
        _pipeline = ((IApplicationBuilder)_app).Build();
        _scopes = _app.Services.GetRequiredService<IServiceScopeFactory>();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _app.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task<int> HandWrittenEndpoint() => SendAsync("/minimal");

    [Benchmark]
    public Task<int> ViberWebhook() => SendAsync(ViberBotOptions.DefaultWebhookPath);

    private static async Task YieldAsync() => await Task.Yield();

    private async Task MinimalEndpointAsync(HttpContext context)
    {
        var result = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
        while (!result.IsCompleted)
        {
            context.Request.BodyReader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = await context.Request.BodyReader.ReadAsync(context.RequestAborted);
        }

        var body = result.Buffer.ToArray();
        context.Request.BodyReader.AdvanceTo(result.Buffer.End);
        Span<byte> expected = stackalloc byte[32];
        Span<byte> given = stackalloc byte[32];
        HMACSHA256.HashData(Key, body, expected);
        if (Convert.FromHexString(context.Request.Headers["X-Viber-Content-Signature"].ToString(), given, out _, out var written) != OperationStatus.Done
            || written != 32
            || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var callback = JsonSerializer.Deserialize(body, MinimalCallbackJson.Default.MinimalCallback);
        if (HandlerAwaits)
        {
            await YieldAsync();
        }

        context.Response.StatusCode = callback?.Event is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
    }

    private async Task<int> SendAsync(string path)
    {
        var (body, signature) = _bodies.Next();
        var context = new DefaultHttpContext { ServiceScopeFactory = _scopes };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = path;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Headers["X-Viber-Content-Signature"] = signature;
        context.Request.Body = new MemoryStream(body, writable: false);
        await _pipeline(context);
        if (context.Features.Get<IServiceProvidersFeature>() is IAsyncDisposable scope)
        {
            await scope.DisposeAsync();
        }

        return context.Response.StatusCode == StatusCodes.Status200OK
            ? StatusCodes.Status200OK
            : throw new InvalidOperationException($"{path} answered {context.Response.StatusCode}");
    }
}
