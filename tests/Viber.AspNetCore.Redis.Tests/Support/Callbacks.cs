using Viber.Api.Callbacks;
using Viber.Api.Messages;
using Viber.Api.Serialization;

namespace Viber.AspNetCore.Redis.Tests.Support;

/// <summary>Builds callback bodies as Viber posts them, each with a fresh message token.</summary>
public static class Callbacks
{
    private static long _nextToken = 6_000_000_000_000_000_000;

    public static byte[] Text(string text) => ViberJson.SerializeCallback(new MessageCallback
    {
        Timestamp = 1_457_764_197_627,
        MessageToken = Interlocked.Increment(ref _nextToken),
        Sender = new ViberUser { Id = "user-1", Name = "John McClane" },
        Message = new TextMessage { Text = text },
    });
}
