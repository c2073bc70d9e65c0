using System.Collections.Concurrent;
using Viber.Api.Callbacks;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>Records which handler saw which callback, in order; a singleton in the test app.</summary>
public sealed class CallbackLog : IDisposable
{
    private readonly ConcurrentQueue<(string Handler, ViberCallback Callback)> _entries = new();
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Gets the entries in the order they were added.</summary>
    public IReadOnlyList<(string Handler, ViberCallback Callback)> Entries => [.. _entries];

    /// <summary>Gets the handler names in order.</summary>
    public IReadOnlyList<string> Handlers => [.. _entries.Select(entry => entry.Handler)];

    public void Add(string handler, ViberCallback callback)
    {
        _entries.Enqueue((handler, callback));
        _signal.Release();
    }

    public void Dispose() => _signal.Dispose();

    /// <summary>Waits until <paramref name="count"/> more entries were added (counting from the last wait).</summary>
    public Task WaitForAsync(int count = 1) => Waits.ForAsync(_signal, count);
}
