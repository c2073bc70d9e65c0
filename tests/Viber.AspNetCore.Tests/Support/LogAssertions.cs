using Microsoft.Extensions.Logging.Testing;

namespace Viber.AspNetCore.Tests.Support;

/// <summary>Helpers over captured logs.</summary>
public static class LogAssertions
{
    /// <summary>Waits for a record matching <paramref name="predicate"/>, already written or still to come.</summary>
    public static async Task<FakeLogRecord> WaitForAsync(this FakeLogCollector logs, Func<FakeLogRecord, bool> predicate)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Waits.Timeout);
        await foreach (var record in logs.GetLogsAsync(timeout.Token))
        {
            if (predicate(record))
            {
                return record;
            }
        }

        throw new TimeoutException("The log record never came.");
    }

    /// <summary>Waits for a record with the given event name.</summary>
    public static Task<FakeLogRecord> WaitForEventAsync(this FakeLogCollector logs, string eventName)
        => logs.WaitForAsync(record => record.Id.Name == eventName);

    /// <summary>Gets the records with the given event name.</summary>
    public static IReadOnlyList<FakeLogRecord> WithEvent(this FakeLogCollector logs, string eventName)
        => [.. logs.GetSnapshot().Where(record => record.Id.Name == eventName)];

    /// <summary>Gets the records at Error level or above.</summary>
    public static IReadOnlyList<FakeLogRecord> Errors(this FakeLogCollector logs)
        => [.. logs.GetSnapshot().Where(record => record.Level >= LogLevel.Error)];

    /// <summary>Everything a record exposes as text: message, structured state, scopes and exception.</summary>
    public static string AllText(this FakeLogRecord record)
        => string.Join(
            '\n',
            new[] { record.Message, record.Exception?.ToString() }
                .Concat(record.StructuredState?.Select(pair => $"{pair.Key}={pair.Value}") ?? [])
                .Concat(record.Scopes.Select(scope => scope?.ToString())));
}
