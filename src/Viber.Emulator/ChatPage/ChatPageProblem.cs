namespace Viber.Emulator.ChatPage;

/// <summary>
/// A request the page API refuses: answered with <see cref="StatusCode"/> and <c>{ "error": message, "field": ... }</c>,
/// the field being the JSON path (or route value) at fault when there is one, so the page can mark its input.
/// </summary>
internal sealed class ChatPageProblem : Exception
{
    public ChatPageProblem()
    {
    }

    public ChatPageProblem(string message)
        : base(message)
    {
    }

    public ChatPageProblem(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChatPageProblem(int statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; } = 400;

    /// <summary>Gets the field at fault, as a JSON path without the leading <c>$.</c> (<c>location.lat</c>), if any.</summary>
    public string? Field { get; private init; }

    /// <summary>A problem with one field: the message reads <c>field: requirement</c>, as the page shows it.</summary>
    public static ChatPageProblem ForField(string field, string requirement, int statusCode = 400, Exception? innerException = null)
        => new(statusCode, field + ": " + requirement, innerException) { Field = field };
}
