namespace Viber.Emulator.Api;

/// <summary>The fake Bot API's answer, ready for any transport.</summary>
/// <param name="HttpStatus">The HTTP status: 200 for every Viber answer (errors included), 404/405/413 otherwise.</param>
/// <param name="Body">The JSON body; empty for non-Viber answers.</param>
internal sealed record ApiResponse(int HttpStatus, byte[] Body)
{
    public const string ContentType = "application/json; charset=utf-8";
}
