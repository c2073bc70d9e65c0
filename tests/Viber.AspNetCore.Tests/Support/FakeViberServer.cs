using System.Collections.Concurrent;
using System.Text.Json;
using Viber.Api;
using Viber.Api.Requests;
using Viber.Api.Serialization;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>
/// A tiny fake of Viber's Bot API on 127.0.0.1 (Kestrel, any free port): set_webhook calls the webhook back before it
/// answers, like Viber; send_message answers the status a test sets; get_account_info answers <see cref="AccountName"/>. Records the auth headers it received.
/// </summary>
public sealed class FakeViberServer : IAsyncDisposable
{
    /// <summary>The account name get_account_info answers (the sender of a bot with no Viber:Sender:Name).</summary>
    public const string AccountName = "Fake Bot";

    private readonly WebApplication _app;

    private FakeViberServer(WebApplication app) => _app = app;

    /// <summary>Gets the API base address (ends with <c>/pa/</c>).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Gets or sets the status send_message answers.</summary>
    public ViberStatus SendMessageStatus { get; set; } = ViberStatus.Ok;

    /// <summary>Gets the set_webhook requests received.</summary>
    public List<SetWebhookRequest> SetWebhookRequests { get; } = [];

    /// <summary>Gets the <c>traceparent</c> header of each send_message request, null where there was none.</summary>
    public ConcurrentQueue<string?> SendMessageTraceParents { get; } = [];

    /// <summary>Gets the status codes the webhook answered to the availability check.</summary>
    public List<int?> WebhookChecks { get; } = [];

    public static async Task<FakeViberServer> StartAsync(string expectedToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeViberServer(app);

        app.MapPost("/pa/" + ViberApiMethods.SetWebhook, async context =>
        {
            if (context.Request.Headers[ViberApiMethods.AuthTokenHeader] != expectedToken)
            {
                await WriteAsync(context, new ViberResponse { Status = ViberStatus.InvalidAuthToken, StatusMessage = "invalidAuthToken" });
                return;
            }

            var request = await JsonSerializer.DeserializeAsync(context.Request.Body, ViberJsonContext.Default.SetWebhookRequest, context.RequestAborted);
            server.SetWebhookRequests.Add(request!);
            var status = await FakeViber.CallWebhookAsync(request!.Url, expectedToken, context.RequestAborted);
            server.WebhookChecks.Add(status);
            await WriteAsync(context, status == 200
                ? new SetWebhookResponse { Status = ViberStatus.Ok, StatusMessage = "ok", EventTypes = request.EventTypes ?? [ViberEventType.Message] }
                : new ViberResponse { Status = ViberStatus.InvalidUrl, StatusMessage = "invalidUrl" });
        });
        app.MapPost("/pa/" + ViberApiMethods.GetAccountInfo, context => WriteAsync(context, new GetAccountInfoResponse
        {
            Status = ViberStatus.Ok,
            StatusMessage = "ok",
            Id = "pa:fake",
            Name = AccountName,
        }));
        app.MapPost("/pa/" + ViberApiMethods.SendMessage, context =>
        {
            server.SendMessageTraceParents.Enqueue(context.Request.Headers.TryGetValue("traceparent", out var traceParent) ? traceParent.ToString() : null);
            return WriteAsync(context, new SendMessageResponse
            {
                Status = server.SendMessageStatus,
                StatusMessage = server.SendMessageStatus == ViberStatus.Ok ? "ok" : server.SendMessageStatus.ToString(),
                MessageToken = 1,
            });
        });

        await app.StartAsync(TestContext.Current.CancellationToken);
        server.BaseAddress = new Uri(new Uri(app.Urls.First()), "/pa/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private static Task WriteAsync<T>(HttpContext context, T response)
        where T : ViberResponse
    {
        context.Response.ContentType = "application/json";
        return context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(response, typeof(T), ViberJsonContext.Default), context.RequestAborted).AsTask();
    }
}
