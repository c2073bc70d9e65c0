using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Hosting;
using Viber.AspNetCore.Redis.Hosting;

namespace Viber.AspNetCore.Redis.Streams;

/// <summary>
/// Runs background dispatch over Redis Streams: a heartbeat (instance list, partition leases) and one worker per
/// partition, each working only while this instance holds that partition's lease. When the app starts stopping the
/// workers take no new entry and finish the running ones until the shutdown deadline
/// (<see cref="ViberShutdown.Deadline"/>); handlers still running then are cancelled and their entries stay
/// unacknowledged, to be claimed by another instance: nothing accepted is lost. Then the leases are released.
/// Disposed without a stop (as in a crash) it releases nothing: the leases expire and the entries are claimed.
/// </summary>
internal sealed class RedisStreamDispatcher : IHostedService, IDisposable
{
    private readonly RedisStreamWorker _worker;
    private readonly RedisStreamLeases _leases;
    private readonly RedisStreamLayout _layout;
    private readonly RedisViberConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RedisStreamDispatcher> _logger;
    private readonly bool _enabled;

    // Stopping: no new entry is taken. Abort: running handlers are cancelled (the shutdown deadline). Heartbeat:
    // renewing the leases, which goes on while the handlers drain.
    private readonly CancellationTokenSource _stopping;
    private readonly CancellationTokenSource _abort;
    private readonly CancellationTokenSource _heartbeatStop = new();
    private Task[] _workers = [];
    private Task _heartbeat = Task.CompletedTask;

    public RedisStreamDispatcher(
        RedisStreamWorker worker,
        RedisStreamLeases leases,
        RedisStreamLayout layout,
        RedisViberConnection connection,
        ViberShutdown shutdown,
        TimeProvider timeProvider,
        IOptions<ViberBotOptions> botOptions,
        ILogger<RedisStreamDispatcher> logger)
    {
        _worker = worker;
        _leases = leases;
        _layout = layout;
        _connection = connection;
        _timeProvider = timeProvider;
        _logger = logger;
        _enabled = botOptions.Value.DispatchMode == ViberDispatchMode.Background;
        _stopping = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Stopping);
        _abort = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Deadline);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            StreamLog.Inactive(_logger);
            return Task.CompletedTask;
        }

        StreamLog.Started(_logger, _layout.Consumer, _layout.Group.ToString(), _layout.Partitions, _layout.Options.KeyPrefix);
        _heartbeat = Task.Run(() => HeartbeatAsync(_heartbeatStop.Token), CancellationToken.None);
        _workers = [.. Enumerable.Range(0, _layout.Partitions).Select(partition =>
            Task.Run(() => _worker.RunAsync(partition, _stopping.Token, _abort.Token), CancellationToken.None))];
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_workers.Length == 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token))
        {
            try
            {
                await Task.WhenAll(_workers).WaitAsync(drain.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (drain.IsCancellationRequested)
            {
                // The deadline: running handlers are cancelled, and their entries stay unacknowledged.
                await _abort.CancelAsync().ConfigureAwait(false);
                try
                {
                    await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    StreamLog.WorkersAbandoned(_logger);
                }
            }
        }

        await _heartbeatStop.CancelAsync().ConfigureAwait(false);
        await _heartbeat.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            // Released at once rather than left to expire, so other instances take the partitions without waiting.
            var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
            foreach (var partition in Enumerable.Range(0, _layout.Partitions).Where(_leases.IsHeld))
            {
                await _leases.ReleaseAsync(database, partition).ConfigureAwait(false);
            }

            await _leases.LeaveAsync(database).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            StreamLog.ReleaseFailed(_logger, exception);
        }
    }

    /// <summary>
    /// Cancels everything without releasing anything, as a crash would. The token sources are not disposed: a
    /// worker may still be unwinding with their tokens.
    /// </summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _abort.Cancel();
        _heartbeatStop.Cancel();
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var interval = _layout.Options.LeaseTimeout / 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var database = await _connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
                await _leases.HeartbeatAsync(database).ConfigureAwait(false);
                foreach (var partition in await _leases.RenewAsync(database).ConfigureAwait(false))
                {
                    StreamLog.LeaseLost(_logger, partition);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // Leases not renewed expire after LeaseTimeout: other instances then take the partitions.
                StreamLog.HeartbeatFailed(_logger, exception, interval);
            }

            await Task.Delay(interval, _timeProvider, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
