namespace Viber.Api.Tests.Client;

/// <summary>Awaits a test signal while the call under test runs, so a broken client fails the test instead of hanging it.</summary>
internal static class SignalAssert
{
    public static async Task EndsBefore(this Task signal, Task call)
    {
        await EnsureFirst(signal, call);
        await signal;
    }

    public static async Task<T> EndsBefore<T>(this Task<T> signal, Task call)
    {
        await EnsureFirst(signal, call);
        return await signal;
    }

    private static async Task EnsureFirst(Task signal, Task call)
    {
        if (await Task.WhenAny(signal, call) != signal)
        {
            var ended = call.IsFaulted ? call.Exception!.InnerException!.ToString() : call.Status.ToString();
            Assert.Fail($"The call ended before the awaited signal: {ended}");
        }
    }
}
