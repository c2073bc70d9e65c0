using System.Net;

namespace Viber.AspNetCore.Tests.Users;

/// <summary>Stands in for the bot's webhook in the emulator: answers every callback 200 and counts them.</summary>
internal sealed class OkWebhook : HttpMessageHandler
{
    private int _received;

    public int Received => Volatile.Read(ref _received);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _received);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
