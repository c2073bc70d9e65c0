namespace Viber.Emulator.Tests.ChatPage;

/// <summary>Reads a server-sent event stream frame by frame: the comment lines, the id and the JSON of the data line.</summary>
internal sealed class SseReader(Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    /// <summary>Reads the next frame (lines up to a blank one); <see langword="null"/> at the end of the stream.</summary>
    public async Task<SseFrame?> ReadFrameAsync(CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        while (await _reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                return new SseFrame(lines);
            }

            lines.Add(line);
        }

        return null;
    }

    public void Dispose() => _reader.Dispose();
}
