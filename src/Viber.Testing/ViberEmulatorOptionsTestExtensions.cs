using Viber.Emulator;

namespace Viber.Testing;

/// <summary>Settings that make an emulator suit a test run.</summary>
public static class ViberEmulatorOptionsTestExtensions
{
    /// <summary>
    /// Replaces Viber's retry schedule (10 retries over about an hour) with a test-time one: 3 retries after 20, 40
    /// and 80 ms. A webhook that keeps failing then ends its callback (rejected) in well under a second instead of
    /// keeping a test's waits busy until they time out.
    /// </summary>
    /// <param name="options">The emulator's options.</param>
    /// <returns>The same options.</returns>
    public static ViberEmulatorOptions UseTestRetrySchedule(this ViberEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CallbackMaxRetries = 3;
        options.CallbackRetryDelay = TimeSpan.FromMilliseconds(20);
        return options;
    }
}
