using System.Collections.Concurrent;

namespace Viber.Api.Tests.Client;

/// <summary>Keeps every progress report as it is made (unlike <see cref="Progress{T}"/>, which posts them later).</summary>
internal sealed class ListProgress : IProgress<ViberBroadcastProgress>
{
    public ConcurrentQueue<ViberBroadcastProgress> Reports { get; } = new();

    public void Report(ViberBroadcastProgress value) => Reports.Enqueue(value);
}
