using System.Text;
using Viber.Api.Callbacks;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Serialization;
using Viber.Api.Signatures;

// Exercises the AOT-sensitive paths (source-generated JSON with the polymorphic converters, string-backed values,
// signatures, the webhook pipeline) in a Native AOT binary. Exit code 0 means every check passed.
var failures = new List<string>();

void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

var body = """{"timestamp":1,"message_token":4912661846655238145,"event":"message","sender":{"id":"u1","name":"A"},"message":{"type":"text","text":"hi"}}"""u8.ToArray();
var callback = ViberJson.DeserializeCallback(body);
Check(callback is MessageCallback { Message: TextMessage { Text: "hi" }, MessageToken: 4912661846655238145 }, "message callback");
Check(ViberJson.DeserializeCallback("""{"event":"brand_new","x":1}"""u8) is UnknownCallback { Event: "brand_new" }, "unknown callback");

var rich = new RichMediaMessage
{
    Receiver = "u1",
    Sender = new ViberSender("Bot"),
    RichMedia = new RichMedia { Buttons = [new Button { ActionType = ButtonActionType.OpenUrl, ActionBody = "https://example.com", Text = "Go" }] },
};
var json = Encoding.UTF8.GetString(ViberJson.SerializeMessage(rich));
Check(json.Contains("\"ActionType\":\"open-url\"", StringComparison.Ordinal), "rich media serialization");
Check(ViberJson.DeserializeMessage(Encoding.UTF8.GetBytes(json)) is RichMediaMessage, "rich media round trip");

var signature = ViberSignature.Compute(body, "token");
Check(new ViberSignatureVerifier("token").Verify(body, signature) == SignatureVerificationResult.Valid, "signature");

failures.AddRange(await WebhookSmoke.RunAsync());

foreach (var failure in failures)
{
    Console.Error.WriteLine("AOT smoke check failed: " + failure);
}

Console.WriteLine(failures.Count == 0 ? "AOT smoke: all checks passed" : $"AOT smoke: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;
