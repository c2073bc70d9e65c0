namespace Viber.Emulator.Callbacks;

/// <summary>What one post of a callback got back.</summary>
/// <param name="HttpStatus">The HTTP status, or <see langword="null"/> when no answer came.</param>
/// <param name="Body">The response body, if any.</param>
/// <param name="Error">Why no answer came, if so.</param>
internal sealed record AttemptOutcome(int? HttpStatus, byte[]? Body, string? Error)
{
    public bool Succeeded => HttpStatus == 200;
}
