using System.Net;
using Viber.AspNetCore.Deduplication;
using Viber.AspNetCore.Tests.Support;

namespace Viber.AspNetCore.Tests.Deduplication;

/// <summary>
/// A handler that succeeded while the store cannot record it: 200 (never a retry that replies twice), logged with the
/// event and message token, kept and written once the store is back, and a duplicate locally meanwhile.
/// </summary>
public sealed class UnrecordedCompletionTests
{
    [Theory]
    [InlineData(ViberDispatchMode.Inline)]
    [InlineData(ViberDispatchMode.Background)]
    public async Task A_completion_the_store_refuses_answers_200_and_is_written_once_the_store_is_back(ViberDispatchMode mode)
    {
        var store = new CompletionFailingStore();
        await using var bot = await TestBot.StartAsync(
            options: o => o.DispatchMode = mode,
            bot: TestHandlers.RecordAll,
            services: s => s.AddSingleton<IViberDeduplicationStore>(store));
        var callback = Callbacks.Text("reply once");

        using var first = await bot.PostAsync(callback);
        await Waits.ForAsync(WaitForLogAsync(bot, "CompletionPending"));
        using var retry = await bot.PostAsync(callback);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(bot.Callbacks.Entries);
        var pending = Assert.Single(bot.Logs.WithEvent("CompletionPending"));
        Assert.Equal(LogLevel.Warning, pending.Level);
        Assert.IsType<IOException>(pending.Exception);
        Assert.Contains(callback.MessageToken!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), pending.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestBot.Token, pending.Message, StringComparison.Ordinal);
        Assert.NotEmpty(bot.Logs.WithEvent("DuplicateCallback"));
        Assert.Equal(1, bot.Services.GetRequiredService<ViberPendingCompletions>().Count);

        store.Down = false;
        await Waits.ForAsync(store.Completed, 1);

        Assert.Equal("done", store.ValueOf(Assert.Single(store.Keys)));
        await Waits.ForAsync(WaitForLogAsync(bot, "PendingCompletionsWritten"));
        Assert.Equal(0, bot.Services.GetRequiredService<ViberPendingCompletions>().Count);
    }

    private static async Task WaitForLogAsync(TestBot bot, string eventName)
    {
        while (bot.Logs.WithEvent(eventName).Count == 0)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
