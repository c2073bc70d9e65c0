#region broadcast-progress
using Viber.Api;
using Viber.Api.Messages;

#endregion

namespace Snippets.Readme;

// README "Broadcasting to many subscribers".
internal static class Broadcasting
{
    public static async Task<int> NotifyAsync(
        IViberBotClient viber, IAsyncEnumerable<string> subscriberIds, int subscriberCount, CancellationToken ct)
    {
        #region broadcast-progress
        // subscriberIds: an IAsyncEnumerable<string> read as the requests go out (for example an EF Core query's
        // AsAsyncEnumerable()); never loaded whole. The count is optional: it gives the fraction and the time left.
        var progress = new Progress<ViberBroadcastProgress>(p =>
            Console.WriteLine($"{p.Fraction:P0}: {p.Succeeded} sent, {p.Failed} failed, about {p.EstimatedTimeLeft?.TotalSeconds:0} s left"));
        var result = await viber.BroadcastMessageAsync(
            new TextMessage { Text = "Hi replace_me_with_user_name, the sale starts today" },
            subscriberIds,
            new ViberBroadcastOptions { Progress = progress, ReceiverCount = subscriberCount },
            ct);
        foreach (var failure in result.Failed) // only the receivers that were not reached are kept
        {
            Console.WriteLine($"{failure.Receiver}: {failure.Status} {failure.StatusMessage}");
        }
        #endregion
        return result.SucceededCount;
    }
}
