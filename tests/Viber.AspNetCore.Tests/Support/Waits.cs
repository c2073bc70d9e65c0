namespace Viber.AspNetCore.Tests.Support;

/// <summary>Awaiting signals with a generous bound, so a broken test fails instead of hanging.</summary>
public static class Waits
{
    /// <summary>How long a test waits for a signal before failing.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits for a semaphore to be released <paramref name="count"/> times.</summary>
    public static async Task ForAsync(SemaphoreSlim signal, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!await signal.WaitAsync(Timeout, TestContext.Current.CancellationToken))
            {
                throw new TimeoutException($"Waited {Timeout} for signal {i + 1} of {count}.");
            }
        }
    }

    /// <summary>Waits for a task, failing after <see cref="Timeout"/>.</summary>
    public static Task ForAsync(Task task) => task.WaitAsync(Timeout, TestContext.Current.CancellationToken);

    /// <summary>Waits for a task, failing after <see cref="Timeout"/>.</summary>
    public static Task<T> ForAsync<T>(Task<T> task) => task.WaitAsync(Timeout, TestContext.Current.CancellationToken);
}
