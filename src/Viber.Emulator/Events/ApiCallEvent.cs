using Viber.Api;

namespace Viber.Emulator.Events;

/// <summary>The bot called the fake Bot API.</summary>
public sealed record ApiCallEvent : EmulatorEvent
{
    /// <summary>Gets the API method, such as <c>send_message</c>, as it appeared in the path.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the HTTP method of the request.</summary>
    public required string HttpMethod { get; init; }

    /// <summary>Gets the request body as UTF-8 text (the auth token travels in a header and is never part of it).</summary>
    public required string RequestBody { get; init; }

    /// <summary>Gets the HTTP status the emulator answered: 200 for every Viber answer, 404 for an unknown method.</summary>
    public required int HttpStatus { get; init; }

    /// <summary>Gets the Viber <c>status</c> of the answer, or <see langword="null"/> when the answer is not a Viber response.</summary>
    public ViberStatus? Status { get; init; }

    /// <summary>Gets the <c>status_message</c> of the answer.</summary>
    public string? StatusMessage { get; init; }

    /// <summary>Gets the response body as UTF-8 text.</summary>
    public required string ResponseBody { get; init; }

    /// <summary>Gets the user the call was about (send_message's receiver, get_user_details' id), if any.</summary>
    public string? UserId { get; init; }
}
