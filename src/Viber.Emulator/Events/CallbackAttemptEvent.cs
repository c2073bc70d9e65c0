namespace Viber.Emulator.Events;

/// <summary>The emulator posted a callback to the bot's webhook once, and this is what came back.</summary>
public sealed record CallbackAttemptEvent : EmulatorEvent
{
    /// <summary>Gets the callback's <c>event</c>, such as <c>message</c> or <c>delivered</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets the user the callback is about, if any (the <c>webhook</c> check has none).</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the callback's <c>message_token</c>.</summary>
    public long? MessageToken { get; init; }

    /// <summary>Gets the URL posted to, including the <c>sig</c> query parameter.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets the signed JSON body.</summary>
    public required string RequestBody { get; init; }

    /// <summary>Gets the <c>X-Viber-Content-Signature</c> sent with the body.</summary>
    public required string Signature { get; init; }

    /// <summary>Gets the attempt number: 1 for the first post, 2 for the first retry, and so on.</summary>
    public required int Attempt { get; init; }

    /// <summary>Gets the HTTP status the webhook answered, or <see langword="null"/> when no answer came.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Gets the response body as UTF-8 text, if any.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Gets why no answer came (connection refused, timeout), if so.</summary>
    public string? Error { get; init; }

    /// <summary>Gets a value indicating whether the webhook answered 200, which is what Viber waits for.</summary>
    public bool Succeeded => HttpStatus == 200;
}
