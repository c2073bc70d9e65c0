using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Hosting;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Diagnostics;

/// <summary>Metrics and logs as designed surface; the token never leaks into any of them.</summary>
public sealed class DiagnosticsTests
{
    private static MetricCollector<T> Collect<T>(TestBot bot, string instrument)
        where T : struct
        => new(bot.Services.GetRequiredService<IMeterFactory>(), ViberDiagnostics.MeterName, instrument);

    private static async Task<HttpResponseMessage> CallApiThroughTypedClientPipelineAsync(TestBot bot, FakeViberServer viber)
    {
        // The typed client's HttpClient, with the library's handlers and HttpClient logging; the call is made
        // directly so these tests do not depend on ViberBotClient's implementation.
        var http = bot.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ViberBotBuilder.HttpClientName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(viber.BaseAddress, ViberApiMethods.SendMessage))
        {
            Content = new StringContent("""{"receiver":"u","type":"text","text":"hi"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ViberApiMethods.AuthTokenHeader, TestBot.Token);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Callbacks_rejections_duplicates_and_handler_runs_are_measured()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .On<MessageCallback>((c, _, _) => c.Message is Viber.Api.Messages.TextMessage { Text: "fail" } ? throw new InvalidOperationException("x") : Task.CompletedTask));
        using var received = Collect<long>(bot, ViberDiagnostics.CallbacksReceived);
        using var rejected = Collect<long>(bot, ViberDiagnostics.CallbacksRejected);
        using var duplicates = Collect<long>(bot, ViberDiagnostics.CallbacksDuplicate);
        using var failures = Collect<long>(bot, ViberDiagnostics.HandlerFailures);
        using var duration = Collect<double>(bot, ViberDiagnostics.HandlerDuration);
        var body = Callbacks.Json(Callbacks.Text("ok"));

        (await bot.PostAsync(body)).Dispose();
        (await bot.PostAsync(body)).Dispose();
        (await bot.PostAsync(body, "0000000000000000000000000000000000000000000000000000000000000000")).Dispose();
        (await bot.PostAsync(Callbacks.Text("fail"))).Dispose();
        (await bot.PostAsync(Callbacks.Delivered(Callbacks.NextToken()))).Dispose();

        Assert.Equal(["message", "message", "message", "delivered"], received.GetMeasurementSnapshot().Select(m => m.Tags[ViberDiagnostics.EventTag]));
        Assert.Equal(ViberDiagnostics.ReasonSignatureMismatch, Assert.Single(rejected.GetMeasurementSnapshot()).Tags[ViberDiagnostics.ReasonTag]);
        Assert.Equal("message", Assert.Single(duplicates.GetMeasurementSnapshot()).Tags[ViberDiagnostics.EventTag]);
        Assert.Equal("On<MessageCallback>", Assert.Single(failures.GetMeasurementSnapshot()).Tags[ViberDiagnostics.HandlerTag]);
        Assert.Equal(
            [ViberOutcomes.Success, ViberOutcomes.Failure, ViberOutcomes.Success],
            duration.GetMeasurementSnapshot().Select(m => m.Tags[ViberDiagnostics.OutcomeTag]));
    }

    [Fact]
    public async Task Api_calls_are_measured_by_method_and_viber_status()
    {
        await using var viber = await FakeViberServer.StartAsync(TestBot.Token);
        viber.SendMessageStatus = ViberStatus.ReceiverNotSubscribed;
        await using var bot = await TestBot.StartAsync();
        using var calls = Collect<long>(bot, ViberDiagnostics.ApiCalls);
        using var duration = Collect<double>(bot, ViberDiagnostics.ApiCallDuration);

        using var response = await CallApiThroughTypedClientPipelineAsync(bot, viber);

        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal(ViberApiMethods.SendMessage, call.Tags[ViberDiagnostics.MethodTag]);
        Assert.Equal("6", call.Tags[ViberDiagnostics.StatusTag]);
        Assert.Single(duration.GetMeasurementSnapshot());

        // The body was buffered, not consumed: the client can still read it.
        Assert.Contains("\"status\":6", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_through_the_client_is_recorded_once_with_the_status_the_client_parsed()
    {
        using var testSource = new ActivitySource("Viber.AspNetCore.Tests.RecordedOnce");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ViberDiagnostics.ActivitySourceName || source == testSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var viber = await FakeViberServer.StartAsync(TestBot.Token);
        viber.SendMessageStatus = ViberStatus.ReceiverNotSubscribed;
        await using var bot = await TestBot.StartAsync(options: o => (o.ApiBaseUrl, o.Sender.Name) = (viber.BaseAddress.ToString(), "Bot"), fakeClient: false);
        using var calls = Collect<long>(bot, ViberDiagnostics.ApiCalls);
        using var duration = Collect<double>(bot, ViberDiagnostics.ApiCallDuration);
        var client = bot.Services.GetRequiredService<IViberBotClient>();

        ViberApiException ex;
        ActivityTraceId trace;
        using (var test = testSource.StartActivity("test"))
        {
            Assert.NotNull(test);
            trace = test.TraceId;
            ex = await Assert.ThrowsAsync<ViberApiException>(
                () => client.SendMessageAsync(new Viber.Api.Messages.TextMessage { Receiver = "u", Text = "hi" }, TestContext.Current.CancellationToken));
        }

        Assert.Equal(ViberStatus.ReceiverNotSubscribed, ex.Status);
        var call = Assert.Single(calls.GetMeasurementSnapshot(), c => (string?)c.Tags[ViberDiagnostics.MethodTag] == ViberApiMethods.SendMessage);
        Assert.Equal("6", call.Tags[ViberDiagnostics.StatusTag]);
        Assert.Single(duration.GetMeasurementSnapshot(), d => (string?)d.Tags[ViberDiagnostics.MethodTag] == ViberApiMethods.SendMessage);
        // The listener hears every test's bot (they run in parallel): only this send's trace counts.
        var activity = Assert.Single(stopped, a => a.TraceId == trace && a.OperationName == ViberDiagnostics.ApiCallActivityName && (string?)a.GetTagItem(ViberDiagnostics.MethodTag) == ViberApiMethods.SendMessage);
        Assert.Equal("6", activity.GetTagItem(ViberDiagnostics.StatusTag));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Contains(bot.Logs.GetSnapshot(), r => r.Id.Name == "ApiCall" && r.Message.Contains(ViberApiMethods.SendMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_debug_log_off_a_call_is_recorded_only_while_a_metrics_listener_is_there()
    {
        await using var viber = await FakeViberServer.StartAsync(TestBot.Token);
        viber.SendMessageStatus = ViberStatus.ReceiverNotSubscribed;
        await using var bot = await TestBot.StartAsync(
            options: o => (o.ApiBaseUrl, o.Sender.Name) = (viber.BaseAddress.ToString(), "Bot"),
            services: s => s.Configure<LoggerFilterOptions>(o => o.AddFilter(typeof(ViberApiDiagnosticsHandler).FullName, LogLevel.Information)),
            fakeClient: false);
        var client = bot.Services.GetRequiredService<IViberBotClient>();
        var message = new Viber.Api.Messages.TextMessage { Receiver = "u", Text = "hi" };

        // Nobody listens: the call passes through unrecorded, and the client still reads Viber's status.
        var unobserved = await Assert.ThrowsAsync<ViberApiException>(() => client.SendMessageAsync(message, TestContext.Current.CancellationToken));
        using var calls = Collect<long>(bot, ViberDiagnostics.ApiCalls);
        var observed = await Assert.ThrowsAsync<ViberApiException>(() => client.SendMessageAsync(message, TestContext.Current.CancellationToken));

        Assert.Equal(ViberStatus.ReceiverNotSubscribed, unobserved.Status);
        Assert.Equal(ViberStatus.ReceiverNotSubscribed, observed.Status);
        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal("6", call.Tags[ViberDiagnostics.StatusTag]);
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), r => r.Id.Name == "ApiCall");
    }

    [Fact]
    public async Task Bot_api_calls_carry_no_trace_headers_and_start_no_HttpClient_activity_while_a_request_activity_is_current()
    {
        var (traceParent, httpActivities, apiCallActivities) = await SendUnderARequestActivityAsync(turnHttpClientTracingBackOn: false);

        // As in a handler of a webhook request: ASP.NET Core started an activity, and the library's own still traces the call.
        Assert.Null(traceParent);
        Assert.Empty(httpActivities);
        Assert.Single(apiCallActivities);
    }

    [Fact]
    public async Task An_app_can_turn_HttpClient_tracing_of_bot_api_calls_back_on()
    {
        var (traceParent, httpActivities, apiCallActivities) = await SendUnderARequestActivityAsync(turnHttpClientTracingBackOn: true);

        var httpActivity = Assert.Single(httpActivities);
        Assert.Equal(httpActivity.Id, traceParent);
        Assert.Equal(Assert.Single(apiCallActivities).SpanId, httpActivity.ParentSpanId);
    }

    private static async Task<(string? TraceParent, List<Activity> HttpActivities, List<Activity> ApiCallActivities)> SendUnderARequestActivityAsync(bool turnHttpClientTracingBackOn)
    {
        using var requestSource = new ActivitySource("Viber.AspNetCore.Tests.Request");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ViberDiagnostics.ActivitySourceName or "System.Net.Http" || source == requestSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var viber = await FakeViberServer.StartAsync(TestBot.Token);
        await using var bot = await TestBot.StartAsync(
            options: o => (o.ApiBaseUrl, o.Sender.Name) = (viber.BaseAddress.ToString(), "Bot"),
            services: s =>
            {
                if (turnHttpClientTracingBackOn)
                {
                    s.AddHttpClient(ViberBotClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(static (handler, _) =>
                        ((SocketsHttpHandler)handler).ActivityHeadersPropagator = DistributedContextPropagator.Current);
                }
            },
            fakeClient: false);
        var client = bot.Services.GetRequiredService<IViberBotClient>();

        using (var request = requestSource.StartActivity("request"))
        {
            Assert.NotNull(request);
            await client.SendMessageAsync(new Viber.Api.Messages.TextMessage { Receiver = "u", Text = "hi" }, TestContext.Current.CancellationToken);
        }

        // Other tests run in parallel: only this send's trace counts.
        var trace = stopped.Single(a => a.Source == requestSource).TraceId;
        var ours = stopped.Where(a => a.TraceId == trace).ToList();
        return (
            Assert.Single(viber.SendMessageTraceParents),
            ours.Where(a => a.Source.Name == "System.Net.Http").ToList(),
            ours.Where(a => a.OperationName == ViberDiagnostics.ApiCallActivityName).ToList());
    }

    [Fact]
    public async Task The_token_never_appears_in_logs_at_trace_level_or_in_traces()
    {
        var tags = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is ViberDiagnostics.ActivitySourceName or "System.Net.Http" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                foreach (var tag in activity.TagObjects)
                {
                    tags.Enqueue($"{tag.Key}={tag.Value}");
                }

                tags.Enqueue(activity.DisplayName);
                tags.Enqueue(activity.StatusDescription ?? string.Empty);
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var viber = await FakeViberServer.StartAsync(TestBot.Token);
        var port = FreePort.Next();
        await using var bot = await TestBot.StartAsync(
            options: o =>
            {
                o.RegisterWebhook = true;
                o.WebhookUrl = $"http://127.0.0.1:{port}/viber/webhook";
                o.Sender.Name = "Bot";
            },
            port: port,
            bot: b => b
                .On<MessageCallback>((c, _, _) => c.Message is Viber.Api.Messages.TextMessage { Text: "fail" } ? throw new InvalidOperationException("handler failed") : Task.CompletedTask)
                .OnConversationStarted((_, _, _) => Task.FromResult<Viber.Api.Messages.ViberMessage?>(new Viber.Api.Messages.TextMessage { Text = "hi" })),
            viber: fake => fake.OnSetWebhook = (_, _) => throw new ViberApiException(ViberApiMethods.SetWebhook, ViberStatus.InvalidAuthToken, "invalidAuthToken"));
        await bot.Logs.WaitForEventAsync("WebhookRegistrationFailed");

        var body = Callbacks.Json(Callbacks.Text("ok"));
        (await bot.PostAsync(body)).Dispose();
        (await bot.PostAsync(body)).Dispose();
        (await bot.PostAsync(body, "bad")).Dispose();
        (await bot.PostAsync(body, null)).Dispose();
        (await bot.PostAsync("not json"u8.ToArray())).Dispose();
        (await bot.PostAsync(Callbacks.Text("fail"))).Dispose();
        (await bot.PostAsync(Callbacks.ConversationStarted())).Dispose();
        (await bot.PostAsync(Callbacks.Webhook())).Dispose();
        (await CallApiThroughTypedClientPipelineAsync(bot, viber)).Dispose();
        await bot.App.StopAsync(TestContext.Current.CancellationToken);

        var records = bot.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Level == LogLevel.Trace);
        Assert.Contains(records, r => r.Id.Name == "ApiCall");
        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient." + ViberBotBuilder.HttpClientName, StringComparison.Ordinal) == true);
        Assert.Contains(records, r => r.Id.Name == "HandlerFailed");
        Assert.All(records, record => Assert.DoesNotContain(TestBot.Token, record.AllText(), StringComparison.Ordinal));
        Assert.NotEmpty(tags);
        Assert.All(tags, tag => Assert.DoesNotContain(TestBot.Token, tag, StringComparison.Ordinal));
    }

    [Fact]
    public void Log_event_ids_are_unique_and_named()
    {
        var methods = typeof(ViberDiagnostics).Assembly.GetType("Viber.AspNetCore.Diagnostics.Log")!
            .GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(m => m.GetCustomAttributes(typeof(LoggerMessageAttribute), false).Cast<LoggerMessageAttribute>().SingleOrDefault())
            .Where(a => a is not null)
            .ToList();

        Assert.NotEmpty(methods);
        Assert.Equal(methods.Count, methods.Select(a => a!.EventId).Distinct().Count());
        Assert.All(methods, a => Assert.False(string.IsNullOrEmpty(a!.EventName)));
    }
}
