using Viber.Api;

namespace Viber.BroadcastBenchmark;

/// <summary>Prints the broadcast's progress about every tenth of the way, as an admin page would draw its bar.</summary>
internal sealed class ConsoleProgress(int receivers) : IProgress<ViberBroadcastProgress>
{
    private int _nextTenth = 1;

    public void Report(ViberBroadcastProgress value)
    {
        if (value.Processed * 10L < (long)_nextTenth * receivers)
        {
            return;
        }

        _nextTenth = (int)(value.Processed * 10L / receivers) + 1;
        Console.Error.WriteLine(FormattableString.Invariant(
            $"  {value.Fraction:P0}: {value.Succeeded:N0} sent, {value.Failed:N0} failed, {value.Requests:N0} requests, about {value.EstimatedTimeLeft?.TotalSeconds:0} s left"));
    }
}
