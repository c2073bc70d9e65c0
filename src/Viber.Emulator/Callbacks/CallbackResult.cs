namespace Viber.Emulator.Callbacks;

/// <summary>The result of posting one callback to the bot, after any retries.</summary>
public sealed class CallbackResult
{
    /// <summary>Gets the callback's <c>event</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>Gets the callback's <c>message_token</c>.</summary>
    public long? MessageToken { get; init; }

    /// <summary>Gets how the callback ended.</summary>
    public required CallbackOutcome Outcome { get; init; }

    /// <summary>Gets how many times the callback was posted (0 when it was not posted at all).</summary>
    public int Attempts { get; init; }

    /// <summary>Gets the HTTP status of the last answer, if any.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Gets the body of the last answer as UTF-8 text, if any.</summary>
    public string? ResponseBody { get; init; }

    /// <summary>Gets why the last attempt got no answer, if so.</summary>
    public string? Error { get; init; }

    /// <summary>Gets a value indicating whether the webhook answered 200.</summary>
    public bool IsDelivered => Outcome == CallbackOutcome.Delivered;

    internal byte[]? ResponseBytes { get; init; }

    /// <inheritdoc />
    public override string ToString()
        => $"{EventType} #{MessageToken}: {Outcome} after {Attempts} attempt(s), HTTP {HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}{(Error is null ? string.Empty : ", " + Error)}";
}
