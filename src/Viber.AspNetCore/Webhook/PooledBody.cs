using System.Buffers;

namespace Viber.AspNetCore.Webhook;

/// <summary>A request body held in a buffer rented from <see cref="ArrayPool{T}.Shared"/>; dispose to return it.</summary>
internal sealed class PooledBody : IDisposable
{
    private byte[]? _buffer;

    public PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    /// <summary>Gets the number of body bytes.</summary>
    public int Length { get; }

    /// <summary>Gets the size of the buffer that holds the body: what reading it cost in memory, at least <see cref="Length"/>.</summary>
    public int Capacity => _buffer?.Length ?? throw new ObjectDisposedException(nameof(PooledBody));

    /// <summary>Gets the body bytes.</summary>
    public ReadOnlySpan<byte> Span => _buffer is null ? throw new ObjectDisposedException(nameof(PooledBody)) : _buffer.AsSpan(0, Length);

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
