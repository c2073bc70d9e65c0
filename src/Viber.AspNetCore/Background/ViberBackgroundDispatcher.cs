using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Handlers;
using Viber.AspNetCore.Hosting;

namespace Viber.AspNetCore.Background;

/// <summary>
/// The workers of background mode: each reads its channel of <see cref="ViberBackgroundQueue"/> and processes every
/// callback in a new DI scope. When the app starts stopping the queue is closed (the webhook answers 503) and
/// drained until the shutdown deadline (<see cref="ViberShutdown.Deadline"/>); then running handlers are cancelled,
/// and every callback not handled is lost: Viber got 200 for it and will not retry. Each one is logged at Error with
/// its event and message token and counted in <c>viber.callbacks.lost</c>.
/// </summary>
internal sealed class ViberBackgroundDispatcher : IHostedService, IDisposable
{
    private readonly ViberBackgroundQueue _queue;
    private readonly ViberCallbackProcessor _processor;
    private readonly IViberDeduplicationStore _store;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ViberShutdown _shutdown;
    private readonly ViberMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ViberBackgroundDispatcher> _logger;
    private readonly bool _enabled;

    // Cancelled only at the shutdown deadline, so handlers finish normally during a graceful stop.
    private readonly CancellationTokenSource _abort;
    private CancellationTokenRegistration _onStopping;
    private Task[] _workers = [];

    public ViberBackgroundDispatcher(
        ViberBackgroundQueue queue,
        ViberCallbackProcessor processor,
        IViberDeduplicationStore store,
        IServiceScopeFactory scopeFactory,
        ViberShutdown shutdown,
        ViberMetrics metrics,
        TimeProvider timeProvider,
        IOptions<ViberBotOptions> options,
        ILogger<ViberBackgroundDispatcher> logger)
    {
        _queue = queue;
        _processor = processor;
        _store = store;
        _scopeFactory = scopeFactory;
        _shutdown = shutdown;
        _metrics = metrics;
        _timeProvider = timeProvider;
        _logger = logger;
        _enabled = options.Value.DispatchMode == ViberDispatchMode.Background;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(shutdown.Deadline);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_enabled)
        {
            var readers = _queue.Readers;
            _workers = [.. readers.Select((reader, partition) => Task.Run(() => RunAsync(reader, partition), CancellationToken.None))];

            // Closed as soon as the app starts stopping, not when this service is stopped (after the server), so the
            // time left is spent on callbacks already accepted.
            _onStopping = _shutdown.Stopping.Register(static state => ((ViberBackgroundQueue)state!).Complete(), _queue);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_workers.Length == 0)
        {
            return;
        }

        _queue.Complete();
        if (_queue.Count > 0)
        {
            Log.QueueDraining(_logger, _queue.Count);
        }

        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _abort.Token);
        try
        {
            await Task.WhenAll(_workers).WaitAsync(drain.Token).ConfigureAwait(false);
            return;
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested)
        {
            Log.QueueDrainTimedOut(_logger, _queue.Count);
            await _abort.CancelAsync().ConfigureAwait(false);
        }

        // What is still queued is accounted for here rather than by the workers, which may be stuck in a handler
        // that ignores its token.
        var readers = _queue.Readers;
        for (var partition = 0; partition < readers.Count; partition++)
        {
            while (readers[partition].TryRead(out var item))
            {
                _queue.MarkDequeued(partition);
                await LoseAsync(item).ConfigureAwait(false);
            }
        }

        try
        {
            // The cancelled handlers report their own loss; they get what is left of the host's shutdown timeout.
            await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.WorkersAbandoned(_logger);
        }
    }

    public void Dispose()
    {
        _onStopping.Dispose();
        _abort.Dispose();
    }

    private async Task RunAsync(ChannelReader<ViberWorkItem> reader, int partition)
    {
        await foreach (var item in reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            _queue.MarkDequeued(partition);
            if (_abort.IsCancellationRequested)
            {
                await LoseAsync(item).ConfigureAwait(false);
                continue;
            }

            var scope = _scopeFactory.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                try
                {
                    var started = _timeProvider.GetTimestamp();
                    var result = await _processor.ProcessAsync(item.Callback, item.Key, item.ClaimToken, scope.ServiceProvider, item.Parent, _abort.Token).ConfigureAwait(false);
                    if (result.Outcome == ViberProcessOutcome.Cancelled)
                    {
                        LogLost(item);
                    }
                    else
                    {
                        _queue.RecordHandlerDuration(_timeProvider.GetElapsedTime(started));
                    }
                }
                catch (Exception exception)
                {
                    // Handler failures are handled by the processor; this is the deduplication store failing. The
                    // worker must survive it, or its channel would never be read again.
                    Log.BackgroundItemFailed(_logger, exception, item.Callback.Event, item.Callback.MessageToken);
                }
            }
        }
    }

    private async Task LoseAsync(ViberWorkItem item)
    {
        LogLost(item);
        try
        {
            await _store.ReleaseAsync(item.Key, item.ClaimToken, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // A shared store that is down keeps the claim until it expires; the loss is already logged.
            Log.BackgroundItemFailed(_logger, exception, item.Callback.Event, item.Callback.MessageToken);
        }
    }

    private void LogLost(ViberWorkItem item)
    {
        Log.CallbackLost(_logger, item.Callback.Event, item.Callback.MessageToken);
        _metrics.Lost(ViberMetrics.EventName(item.Callback));
    }
}
