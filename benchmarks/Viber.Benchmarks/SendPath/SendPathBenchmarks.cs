using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Viber.Api;
using Viber.Api.Messages;
using Viber.AspNetCore;

namespace Viber.Benchmarks.SendPath;

/// <summary>
/// One text reply down the send path to an <see cref="HttpMessageHandler"/> that answers at once: a hand-written
/// minimal client (serialize, POST, read the status) against the typed client built once, and against
/// <c>IViberBotClient</c> as a handler gets it from <c>AddViberBot()</c> (a scope per callback, the factory's
/// handler pipeline with diagnostics and the concurrency cap, validation, retries and timeouts armed). With
/// <see cref="AnswerLater"/> the answer comes from a thread-pool continuation, as a socket's does, so every async step
/// suspends and resumes: the cost of the steps a call goes through, which an answer at once hides. Two more runs of
/// the client built once tell Polly's share apart: with no retry and no timeouts, and with the retry alone.
/// </summary>
[MemoryDiagnoser]
public class SendPathBenchmarks
{
    private const string Token = "benchmark-token-0123456789";
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private HttpClient _minimal = null!;
    private ViberBotClient _client = null!;
    private ServiceProvider _services = null!;
    private ViberBotClient _withoutResilience = null!;
    private ViberBotClient _retryOnly = null!;

    /// <summary>Gets or sets whether the handler answers from a thread-pool continuation instead of at once.</summary>
    [Params(false, true)]
    public bool AnswerLater { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _minimal = new HttpClient(new CannedResponseHandler(AnswerLater)) { BaseAddress = new Uri("https://chatapi.viber.com/pa/") };
        _client = new ViberBotClient(
            new HttpClient(new CannedResponseHandler(AnswerLater)),
            new ViberBotClientOptions { AuthToken = Token, DefaultSender = new ViberSender { Name = "Bench" } });
        // The client built once, without Polly's strategies or with the retry alone: what each strategy adds per send.
        _withoutResilience = new ViberBotClient(
            new HttpClient(new CannedResponseHandler(AnswerLater)),
            new ViberBotClientOptions { AuthToken = Token, DefaultSender = new ViberSender { Name = "Bench" }, MaxRetryAttempts = 0, AttemptTimeout = Timeout.InfiniteTimeSpan, TotalTimeout = Timeout.InfiniteTimeSpan });
        _retryOnly = new ViberBotClient(
            new HttpClient(new CannedResponseHandler(AnswerLater)),
            new ViberBotClientOptions { AuthToken = Token, DefaultSender = new ViberSender { Name = "Bench" }, AttemptTimeout = Timeout.InfiniteTimeSpan, TotalTimeout = Timeout.InfiniteTimeSpan });
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddViberBot(o =>
        {
            o.AuthToken = Token;
            o.RegisterWebhook = false;
            o.Sender.Name = "Bench";
        }).ConfigureHttpClient(b => b.ConfigurePrimaryHttpMessageHandler(() => new CannedResponseHandler(AnswerLater)));
        _services = services.BuildServiceProvider();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _client.Dispose();
        _withoutResilience.Dispose();
        _retryOnly.Dispose();
        _minimal.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HandWrittenHttpClient()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new MinimalReply("01234567890A=", new MinimalSender("Bench"), "text", "You said: hello"), MinimalJson.Default.MinimalReply);
        using var request = new HttpRequestMessage(HttpMethod.Post, "send_message") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation("X-Viber-Auth-Token", Token);
        using var response = await _minimal.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var status = await response.Content.ReadFromJsonAsync(MinimalJson.Default.MinimalStatus);
        return status!.Status == 0 ? 0 : throw new InvalidOperationException("send failed");
    }

    [Benchmark]
    public async Task<long> ViberBotClientBuiltOnce()
        => (await _client.SendMessageAsync(new TextMessage { Receiver = "01234567890A=", Text = "You said: hello" })).MessageToken;

    [Benchmark]
    public async Task<long> ViberBotClientWithoutResilience()
        => (await _withoutResilience.SendMessageAsync(new TextMessage { Receiver = "01234567890A=", Text = "You said: hello" })).MessageToken;

    [Benchmark]
    public async Task<long> ViberBotClientRetryOnly()
        => (await _retryOnly.SendMessageAsync(new TextMessage { Receiver = "01234567890A=", Text = "You said: hello" })).MessageToken;

    [Benchmark]
    public async Task<long> ViberBotClientFromAddViberBot()
    {
        await using var scope = _services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<IViberBotClient>();
        return (await client.SendMessageAsync(new TextMessage { Receiver = "01234567890A=", Text = "You said: hello" })).MessageToken;
    }
}
