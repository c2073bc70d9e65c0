namespace Viber.Api.Client;

/// <summary>Told the outcome of a successful HTTP exchange once <see cref="ViberBotClient"/> has parsed the response.</summary>
internal interface IViberApiCallObserver
{
    /// <summary>Records the outcome; called once.</summary>
    /// <param name="status">
    /// Viber's <c>status</c> as a number, <c>invalid_response</c> when the body is not a response, or <c>error</c> when
    /// reading it failed (cancelled, connection lost).
    /// </param>
    void Completed(string status);
}
