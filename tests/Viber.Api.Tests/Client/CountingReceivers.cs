using System.Collections;

namespace Viber.Api.Tests.Client;

/// <summary>
/// Receivers produced one at a time, as from a database cursor: counts how often it is enumerated and how many ids
/// were pulled, so a test can show the client never copies the list nor reads far ahead of its requests.
/// </summary>
internal sealed class CountingReceivers(int count, Func<int, string?>? id = null) : IEnumerable<string>, IAsyncEnumerable<string>
{
    private int _pulled;
    private int _enumerations;

    public int Pulled => Volatile.Read(ref _pulled);

    public int Enumerations => Volatile.Read(ref _enumerations);

    public IEnumerator<string> GetEnumerator()
    {
        Interlocked.Increment(ref _enumerations);
        return Produce();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public async IAsyncEnumerator<string> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _enumerations);
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            Interlocked.Increment(ref _pulled);
            yield return Id(i);
        }
    }

    private IEnumerator<string> Produce()
    {
        for (var i = 0; i < count; i++)
        {
            Interlocked.Increment(ref _pulled);
            yield return Id(i);
        }
    }

    private string Id(int index) => id is null ? $"r-{index}" : id(index)!;
}
