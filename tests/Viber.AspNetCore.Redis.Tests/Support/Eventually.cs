using System.Diagnostics;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>Polls for a condition that Redis makes true on its own clock (a key's expiry), with a generous deadline.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task<T> PollAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (deadline.Elapsed > Timeout)
            {
                throw new TimeoutException($"Waited {Timeout} for {what}; last seen {value}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), TestContext.Current.CancellationToken);
        }
    }
}
