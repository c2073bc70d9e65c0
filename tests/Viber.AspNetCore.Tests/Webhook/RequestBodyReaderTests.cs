using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Viber.AspNetCore.Tests.Support;
using Viber.AspNetCore.Webhook;

namespace Viber.AspNetCore.Tests.Webhook;

/// <summary>
/// What reading a webhook body holds in memory. The Content-Length is the sender's word, read before the signature
/// can be checked, so the buffer must follow the bytes that arrive, not the length declared.
/// </summary>
public sealed class RequestBodyReaderTests
{
    private const int OneMebibyte = 1024 * 1024;

    // The most the reader rents before any byte has arrived.
    private const int UpfrontLimit = 16 * 1024;

    [Fact]
    public async Task A_declared_length_is_not_rented_before_its_bytes_arrive()
    {
        var pipe = new Pipe();
        var request = Request(pipe, declaredLength: OneMebibyte);
        await pipe.Writer.WriteAsync("{}"u8.ToArray(), TestContext.Current.CancellationToken);
        await pipe.Writer.CompleteAsync();

        using var body = await RequestBodyReader.ReadAsync(request, ViberBotOptions.DefaultMaxRequestBodySize, TestContext.Current.CancellationToken);

        Assert.NotNull(body);
        Assert.Equal("{}"u8.ToArray(), body.Span.ToArray());
        Assert.InRange(body.Capacity, 2, UpfrontLimit);
    }

    [Fact]
    public async Task A_body_past_the_upfront_buffer_is_read_whole_into_a_buffer_that_follows_its_bytes()
    {
        var content = new byte[40_000];
        Random.Shared.NextBytes(content);
        var pipe = new Pipe();
        var request = Request(pipe, declaredLength: OneMebibyte);

        var reading = RequestBodyReader.ReadAsync(request, ViberBotOptions.DefaultMaxRequestBodySize, TestContext.Current.CancellationToken).AsTask();
        for (var offset = 0; offset < content.Length; offset += 5_000)
        {
            await pipe.Writer.WriteAsync(content.AsMemory(offset, 5_000), TestContext.Current.CancellationToken);
        }

        await pipe.Writer.CompleteAsync();
        using var body = await reading;

        Assert.NotNull(body);
        Assert.Equal(content, body.Span.ToArray());

        // At most twice the bytes that came, rounded up by the pool: nowhere near the 1 MiB declared.
        Assert.InRange(body.Capacity, content.Length, 2 * 65_536);
    }

    [Fact]
    public async Task A_callback_that_arrives_with_its_declared_length_is_read_into_one_buffer_of_its_size()
    {
        var content = new byte[3_000];
        Random.Shared.NextBytes(content);
        var pipe = new Pipe();
        var request = Request(pipe, declaredLength: content.Length);
        await pipe.Writer.WriteAsync(content, TestContext.Current.CancellationToken);
        await pipe.Writer.CompleteAsync();

        using var body = await RequestBodyReader.ReadAsync(request, ViberBotOptions.DefaultMaxRequestBodySize, TestContext.Current.CancellationToken);

        Assert.NotNull(body);
        Assert.Equal(content, body.Span.ToArray());
        Assert.InRange(body.Capacity, content.Length, 4_096);
    }

    [Fact]
    public async Task Bytes_past_the_limit_are_refused_whatever_was_declared()
    {
        var pipe = new Pipe();
        var request = Request(pipe, declaredLength: 100);
        await pipe.Writer.WriteAsync(new byte[20_000], TestContext.Current.CancellationToken);
        await pipe.Writer.CompleteAsync();

        var body = await RequestBodyReader.ReadAsync(request, limit: 10_000, TestContext.Current.CancellationToken);

        Assert.Null(body);
    }

    private static HttpRequest Request(Pipe pipe, long declaredLength)
    {
        var context = new DefaultHttpContext();
        context.Features.Set<IRequestBodyPipeFeature>(new PipeRequestBody(pipe.Reader));
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentLength = declaredLength;
        return context.Request;
    }
}
