namespace Viber.Emulator.ChatPage;

/// <summary>A request the page API refuses: answered with <see cref="StatusCode"/> and <c>{ "error": message }</c>.</summary>
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
}
