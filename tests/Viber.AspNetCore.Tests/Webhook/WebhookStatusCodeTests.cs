using System.Net;
using System.Text;
using Viber.Api;
using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Signatures;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Webhook;

/// <summary>The webhook's status-code contract, one path per test, over real Kestrel.</summary>
public sealed class WebhookStatusCodeTests
{
    [Fact]
    public async Task Signed_callback_is_answered_200_and_dispatched_once()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var callback = Callbacks.Text("hello");

        using var response = await bot.PostAsync(callback);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(bot.Callbacks.Entries);
        var received = Assert.IsType<MessageCallback>(entry.Callback);
        Assert.Equal(callback.MessageToken, received.MessageToken);
        Assert.Equal("hello", Assert.IsType<TextMessage>(received.Message).Text);
    }

    [Fact]
    public async Task A_failing_deduplication_store_is_answered_503_logged_and_nothing_dispatched()
    {
        await using var bot = await TestBot.StartAsync(bot: b => TestHandlers.RecordAll(b.AddDeduplicationStore<UnavailableDeduplicationStore>()));

        using var response = await bot.PostAsync(Callbacks.Text("lost?"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
        var error = Assert.Single(bot.Logs.WithEvent("DeduplicationStoreFailed"));
        Assert.IsType<IOException>(error.Exception);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_on_the_webhook_path_get_405(string method)
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);

        using var request = new HttpRequestMessage(new HttpMethod(method), bot.WebhookPath);
        using var response = await bot.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_gets_413_before_the_body_is_read()
    {
        await using var bot = await TestBot.StartAsync(options: o => o.MaxRequestBodySize = 1024, bot: TestHandlers.RecordAll);
        var body = Callbacks.Json(Callbacks.Text(new string('x', 2000)));

        using var response = await bot.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
        Assert.Single(bot.Logs.WithEvent("BodyTooLarge"));
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_gets_413()
    {
        await using var bot = await TestBot.StartAsync(options: o => o.MaxRequestBodySize = 1024, bot: TestHandlers.RecordAll);
        var body = Callbacks.Json(Callbacks.Text(new string('x', 5000)));

        // No Content-Length: the limit is enforced while reading.
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.WebhookPath) { Content = new StreamContent(new MemoryStream(body)) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(ViberApiMethods.SignatureHeader, ViberSignature.Compute(body, TestBot.Token));
        using var response = await bot.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task A_body_that_request_decompression_makes_longer_than_its_Content_Length_is_read_whole()
    {
        // UseRequestDecompression() swaps in the decompressing stream but keeps the compressed Content-Length, so the
        // body must be read to its end, not to the declared length (the signature covers the JSON, not the gzip).
        await using var bot = await TestBot.StartAsync(
            bot: TestHandlers.RecordAll,
            services: s => s.AddRequestDecompression(),
            app: a =>
            {
                a.UseRequestDecompression();
                a.MapViberWebhook();
            });
        var json = Callbacks.Json(Callbacks.Text(new string('a', 4000)));
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            await gzip.WriteAsync(json, TestContext.Current.CancellationToken);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, bot.WebhookPath) { Content = new ByteArrayContent(compressed.ToArray()) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Content.Headers.ContentEncoding.Add("gzip");
        request.Headers.Add(ViberApiMethods.SignatureHeader, ViberSignature.Compute(json, TestBot.Token));
        using var response = await bot.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(compressed.Length < json.Length, "The gzip body must be shorter than the JSON for this test to mean anything.");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.IsType<MessageCallback>(Assert.Single(bot.Callbacks.Entries).Callback);
        Assert.Equal(4000, Assert.IsType<TextMessage>(received.Message).Text!.Length);
    }

    [Fact]
    public async Task A_replaced_body_is_read_past_a_stale_Content_Length_even_when_a_read_ends_exactly_there()
    {
        // The worst case of the test above: the replaced body's first read returns exactly Content-Length bytes, which
        // a reader that stops at the declared length would take for the whole body.
        var json = Callbacks.Json(Callbacks.Text(new string('b', 3000)));
        const int StaleLength = 1000;
        await using var bot = await TestBot.StartAsync(
            bot: TestHandlers.RecordAll,
            app: a =>
            {
                a.Use((context, next) =>
                {
                    context.Request.Body = new PiecewiseStream(json, StaleLength);
                    context.Request.ContentLength = StaleLength;
                    return next(context);
                });
                a.MapViberWebhook();
            });

        using var response = await bot.PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.IsType<MessageCallback>(Assert.Single(bot.Callbacks.Entries).Callback);
        Assert.Equal(3000, Assert.IsType<TextMessage>(received.Message).Text!.Length);
    }

    [Theory]
    [InlineData(1024, 0, HttpStatusCode.OK)]
    [InlineData(1024, 1, HttpStatusCode.RequestEntityTooLarge)]
    [InlineData(65536, 0, HttpStatusCode.OK)]
    [InlineData(65536, 1, HttpStatusCode.RequestEntityTooLarge)]
    public async Task A_chunked_body_is_measured_in_payload_bytes_not_framing(int chunkSize, int overLimit, HttpStatusCode expected)
    {
        // The default limit, where Kestrel counting chunk headers used to refuse bodies a few KB under it.
        const long limit = ViberBotOptions.DefaultMaxRequestBodySize;
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var empty = Callbacks.Text(string.Empty);
        var padding = (int)limit + overLimit - Callbacks.Json(empty).Length;
        var body = Callbacks.Json(Callbacks.Text(new string('x', padding), token: empty.MessageToken));
        Assert.Equal(limit + overLimit, body.Length);

        // No Content-Length; StreamContent writes one chunk per read of chunkSize bytes.
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.WebhookPath) { Content = new StreamContent(new MemoryStream(body), chunkSize) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(ViberApiMethods.SignatureHeader, ViberSignature.Compute(body, TestBot.Token));
        using var response = await bot.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, bot.Callbacks.Entries.Count);
    }

    [Fact]
    public async Task A_body_at_the_limit_is_accepted()
    {
        var body = Callbacks.Json(Callbacks.Text("exactly at the limit"));
        await using var bot = await TestBot.StartAsync(options: o => o.MaxRequestBodySize = body.Length, bot: TestHandlers.RecordAll);

        using var response = await bot.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task A_declared_body_larger_than_the_first_buffer_is_read_whole_as_it_arrives()
    {
        // The reader rents 16 KB at most before bytes arrive and grows with them; a body of a declared length well past
        // that, sent over a real connection in several reads, must still arrive byte for byte (the signature covers it).
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var body = Callbacks.Json(Callbacks.Text(new string('z', 300_000)));

        using var response = await bot.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.IsType<MessageCallback>(Assert.Single(bot.Callbacks.Entries).Callback);
        Assert.Equal(300_000, Assert.IsType<TextMessage>(received.Message).Text!.Length);
    }

    [Theory]
    [InlineData(null, "signature_missing")]
    [InlineData("not-hex", "signature_malformed")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", "signature_mismatch")]
    public async Task Missing_or_wrong_signature_gets_401_a_neutral_body_and_a_warning_without_secrets(string? signature, string reason)
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var body = Callbacks.Json(Callbacks.Text("secret body text"));

        using var response = await bot.PostAsync(body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Empty(bot.Callbacks.Entries);
        var warning = Assert.Single(bot.Logs.WithEvent("SignatureRejected"));
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(reason, warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestBot.Token, warning.AllText(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret body text", warning.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_signed_with_another_token_gets_401()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var body = Callbacks.Json(Callbacks.Text("hi"));

        using var response = await bot.PostAsync(body, ViberSignature.Compute(body, "another-bot-token"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task The_sig_query_parameter_is_used_when_the_header_is_absent()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var body = Callbacks.Json(Callbacks.Text("hi"));

        using var response = await bot.PostAsync(body, signature: null, query: "?sig=" + ViberSignature.Compute(body, TestBot.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task A_wrong_sig_query_parameter_gets_401()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var body = Callbacks.Json(Callbacks.Text("hi"));

        using var response = await bot.PostAsync(body, signature: null, query: "?sig=" + ViberSignature.Compute("other"u8, TestBot.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"event\":\"message\"")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("null")]
    [InlineData("{\"event\":\"message\",\"timestamp\":\"yesterday\"}")]
    [InlineData("{\"event\":\"webhook\",\"event\":\"message\",\"timestamp\":1,\"message_token\":9,\"sender\":{\"id\":\"u\"},\"message\":{\"type\":\"text\",\"text\":\"hi\"}}")]
    [InlineData("{\"event\":\"message\",\"timestamp\":1,\"message_token\":9,\"message_token\":10,\"sender\":{\"id\":\"u\"},\"message\":{\"type\":\"text\",\"text\":\"hi\"}}")]
    public async Task A_signed_body_that_is_not_a_callback_gets_400(string json)
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);

        using var response = await bot.PostAsync(Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
        Assert.Single(bot.Logs.WithEvent("InvalidJson"));
    }

    [Fact]
    public async Task The_webhook_check_is_answered_200_without_dispatch()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);

        using var response = await bot.PostAsync(Callbacks.Webhook());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Callbacks.Entries);
        Assert.Single(bot.Logs.WithEvent("WebhookCheck"));
    }

    [Fact]
    public async Task An_unknown_event_is_answered_200_and_reaches_catch_all_handlers()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b
            .Record<UnknownCallback>("unknown")
            .Record<ViberCallback>("all")
            .Record<MessageCallback>("message"));

        using var response = await bot.PostAsync(Encoding.UTF8.GetBytes($$$"""{"event":"action","timestamp":{{{Callbacks.Now()}}},"message_token":77,"payload":{"x":1}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["unknown", "all"], bot.Callbacks.Handlers);
        var unknown = Assert.IsType<UnknownCallback>(bot.Callbacks.Entries[0].Callback);
        Assert.Equal("action", unknown.Event);
        Assert.True(unknown.ExtensionData!.ContainsKey("payload"));
    }

    [Fact]
    public async Task A_message_of_an_unknown_type_is_answered_200_and_dispatched()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);

        using var response = await bot.PostAsync(Encoding.UTF8.GetBytes($$$"""{"event":"message","timestamp":{{{Callbacks.Now()}}},"message_token":78,"sender":{"id":"u"},"message":{"type":"hologram","depth":3}}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.IsType<MessageCallback>(Assert.Single(bot.Callbacks.Entries).Callback);
        Assert.Equal("hologram", Assert.IsType<UnknownMessage>(message.Message).Type);
    }

    [Fact]
    public async Task A_failing_handler_gets_500_and_is_logged_with_event_token_and_exception()
    {
        await using var bot = await TestBot.StartAsync(bot: b => b.On<MessageCallback>((_, _, _) => throw new InvalidOperationException("database down")));
        var callback = Callbacks.Text("hi");

        using var response = await bot.PostAsync(callback);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = Assert.Single(bot.Logs.WithEvent("HandlerFailed"));
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Equal("message", error.GetStructuredStateValue("Event"));
        Assert.Equal(callback.MessageToken.ToString(), error.GetStructuredStateValue("MessageToken"));
        Assert.Equal("database down", error.Exception?.Message);
    }

    [Fact]
    public async Task The_same_callback_arriving_while_it_is_handled_gets_503()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await TestBot.StartAsync(bot: b => b.On<MessageCallback, CallbackLog>(async (c, log, _) =>
        {
            log.Add("message", c);
            await release.Task;
        }));
        var body = Callbacks.Json(Callbacks.Text("slow"));

        var first = bot.PostAsync(body);
        await bot.Callbacks.WaitForAsync();
        using (var retry = await bot.PostAsync(body))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, retry.StatusCode);
        }

        release.SetResult();
        using var firstResponse = await Waits.ForAsync(first);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        using var late = await bot.PostAsync(body);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task UseViberWebhook_serves_the_configured_path_and_passes_other_requests_on()
    {
        await using var bot = await TestBot.StartAsync(
            options: o => o.WebhookPath = "/hooks/viber",
            bot: TestHandlers.RecordAll,
            app: app =>
            {
                app.UseViberWebhook();
                app.Run(context => context.Response.WriteAsync("next", context.RequestAborted));
            });

        using var hook = await bot.PostAsync(Callbacks.Text("hi"));
        using var get = await bot.Http.GetAsync(new Uri("/hooks/viber", UriKind.Relative), TestContext.Current.CancellationToken);
        var other = await bot.Http.GetStringAsync(new Uri("/elsewhere", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("next", other);
        Assert.Single(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task MapViberWebhook_takes_an_explicit_pattern()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll, app: app => app.MapViberWebhook("/custom/path"));
        var body = Callbacks.Json(Callbacks.Text("hi"));

        using var response = await WebhookRequests.PostAsync(bot.Http, "/custom/path", body, ViberSignature.Compute(body, TestBot.Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
    }

    [Fact]
    public async Task A_client_that_aborts_mid_body_is_not_an_error_and_nothing_is_dispatched()
    {
        await using var bot = await TestBot.StartAsync(bot: TestHandlers.RecordAll);
        var body = Callbacks.Json(Callbacks.Text("cut short"));

        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(bot.Http.BaseAddress!.Host, bot.Http.BaseAddress.Port, TestContext.Current.CancellationToken);
            var stream = tcp.GetStream();
            var head = $"POST {bot.WebhookPath} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + $"{ViberApiMethods.SignatureHeader}: {ViberSignature.Compute(body, TestBot.Token)}\r\nContent-Length: {body.Length}\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
            await stream.WriteAsync(body.AsMemory(0, body.Length / 2), TestContext.Current.CancellationToken);
            await stream.FlushAsync(TestContext.Current.CancellationToken);
        }

        await bot.Logs.WaitForEventAsync("RequestAborted");
        Assert.Empty(bot.Callbacks.Entries);
        Assert.Empty(bot.Logs.Errors());
    }
}
