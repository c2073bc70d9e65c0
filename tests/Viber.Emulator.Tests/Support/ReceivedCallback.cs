using System.Text;
using System.Web;
using Viber.Api.Callbacks;
using Viber.Api.Serialization;

namespace Viber.Emulator.Tests.Support;

/// <summary>One callback as the bot's webhook received it: exact bytes, both signatures and the parsed callback.</summary>
internal sealed record ReceivedCallback(Uri Url, byte[] Body, string? HeaderSignature)
{
    public ViberCallback Callback { get; } = ViberJson.DeserializeCallback(Body);

    public string Event => Callback.Event;

    public string Json => Encoding.UTF8.GetString(Body);

    public string? QuerySignature => HttpUtility.ParseQueryString(Url.Query)["sig"];
}
