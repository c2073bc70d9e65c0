using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Viber.Api.Callbacks;
using Viber.Api.Serialization;

namespace Viber.Benchmarks;

/// <summary>
/// Turning a callback body into its typed event: the library's single pass (peek at <c>event</c> on a copy of the
/// reader, then deserialize the same bytes) against the common two-pass approach (parse a JsonDocument to find
/// the event, then deserialize again).
/// </summary>
[MemoryDiagnoser]
public class CallbackDeserializationBenchmarks
{
    private static readonly byte[] Body = """
        {"event":"message","timestamp":1457764197627,"message_token":4912661846655238145,
         "sender":{"id":"01234567890A=","name":"John McClane","avatar":"http://avatar.example.com","country":"UK","language":"en","api_version":1},
         "message":{"type":"text","text":"a message to the service","tracking_data":"tracking data"}}
        """u8.ToArray();

    private static readonly JsonTypeInfo MessageCallbackType = ViberJson.Options.GetTypeInfo(typeof(MessageCallback));
    private static readonly JsonTypeInfo UnknownCallbackType = ViberJson.Options.GetTypeInfo(typeof(UnknownCallback));

    [Benchmark(Baseline = true)]
    public ViberCallback TwoPassJsonDocument()
    {
        using var document = JsonDocument.Parse(Body);
        var eventName = document.RootElement.GetProperty("event").GetString();
        JsonTypeInfo typeInfo = eventName switch
        {
            "message" => MessageCallbackType,
            _ => UnknownCallbackType,
        };
        return (ViberCallback)JsonSerializer.Deserialize(Body, typeInfo)!;
    }

    [Benchmark]
    public ViberCallback ViberJsonDeserializeCallback() => ViberJson.DeserializeCallback(Body);
}
