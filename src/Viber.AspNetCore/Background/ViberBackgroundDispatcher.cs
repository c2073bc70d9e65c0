using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Viber.AspNetCore.Diagnostics;
using Viber.AspNetCore.Handlers;

namespace Viber.AspNetCore.Background;

/// <summary>
/// The workers of background mode: each reads its channel of <see cref="ViberBackgroundQueue"/> and processes every
/// callback in a new DI scope. On stop the queue is closed and drained until the host's shutdown timeout; what is
/// left then is dropped with a warning (its keys released).
/// </summary>
internal sealed class ViberBackgroundDispatcher(
    ViberBackgroundQueue queue,
    ViberCallbackProcessor processor,
    IServiceScopeFactory scopeFactory,
    IOptions<ViberBotOptions> options,
    ILogger<ViberBackgroundDispatcher> logger) : IHostedService, IDisposable
{
    // Cancelled only when the drain runs out of time, so handlers finish normally during a graceful stop.
    private readonly CancellationTokenSource _abort = new();
    private Task[] _workers = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DispatchMode == ViberDispatchMode.Background)
        {
            _workers = [.. queue.Readers.Select(reader => Task.Run(() => RunAsync(reader), CancellationToken.None))];
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_workers.Length == 0)
        {
            return;
        }

        queue.Complete();
        if (queue.Count > 0)
        {
            Log.QueueDraining(logger, queue.Count);
        }

        try
        {
            await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.QueueDrainTimedOut(logger, queue.Count);
            await _abort.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _abort.Dispose();

    private async Task RunAsync(System.Threading.Channels.ChannelReader<ViberWorkItem> reader)
    {
        await foreach (var item in reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
        {
            queue.MarkDequeued();
            var scope = scopeFactory.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                try
                {
                    await processor.ProcessAsync(item.Callback, item.Key, scope.ServiceProvider, item.Parent, _abort.Token).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    // Handler failures are handled by the processor; this is the deduplication store failing. The
                    // worker must survive it, or its channel would never be read again.
                    Log.BackgroundItemFailed(logger, exception, item.Callback.Event, item.Callback.MessageToken);
                }
            }
        }
    }
}
