using System.Collections.Concurrent;

namespace Viber.Emulator.Tests.Support;

/// <summary>What the tiny test bot saw and did, for assertions; and a switch to make its webhook fail.</summary>
internal sealed class TinyBotState
{
    private int _failuresToInject;

    public ConcurrentQueue<BotCallback> Callbacks { get; } = new();

    public TaskCompletionSource<ApiAnswer> Registration { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<ApiAnswer> SendAnswers { get; } = new();

    /// <summary>Makes the webhook answer 500 to the next <paramref name="count"/> callbacks.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresToInject, count);

    public bool ConsumeFailure()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failuresToInject);
            if (left <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _failuresToInject, left - 1, left) == left)
            {
                return true;
            }
        }
    }
}
