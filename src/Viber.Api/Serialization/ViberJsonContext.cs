using System.Text.Json;
using System.Text.Json.Serialization;
using Viber.Api.Callbacks;
using Viber.Api.Keyboards;
using Viber.Api.Messages;
using Viber.Api.Requests;

namespace Viber.Api.Serialization;

/// <summary>
/// The source-generated JSON context for every Viber callback, message and API type: no reflection, AOT-safe.
/// Tolerant on input (unknown fields and values kept, numbers accepted as strings), strict on output
/// (nulls omitted, numbers written as numbers).
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    MaxDepth = 64,
    Converters = [typeof(ViberCallbackConverter), typeof(ViberMessageConverter)])]
[JsonSerializable(typeof(ViberCallback))]
[JsonSerializable(typeof(WebhookCallback))]
[JsonSerializable(typeof(SubscribedCallback))]
[JsonSerializable(typeof(UnsubscribedCallback))]
[JsonSerializable(typeof(ConversationStartedCallback))]
[JsonSerializable(typeof(MessageCallback))]
[JsonSerializable(typeof(DeliveredCallback))]
[JsonSerializable(typeof(SeenCallback))]
[JsonSerializable(typeof(FailedCallback))]
[JsonSerializable(typeof(ClientStatusCallback))]
[JsonSerializable(typeof(UnknownCallback))]
[JsonSerializable(typeof(ViberMessage))]
[JsonSerializable(typeof(TextMessage))]
[JsonSerializable(typeof(PictureMessage))]
[JsonSerializable(typeof(VideoMessage))]
[JsonSerializable(typeof(FileMessage))]
[JsonSerializable(typeof(LocationMessage))]
[JsonSerializable(typeof(ContactMessage))]
[JsonSerializable(typeof(StickerMessage))]
[JsonSerializable(typeof(UrlMessage))]
[JsonSerializable(typeof(RichMediaMessage))]
[JsonSerializable(typeof(KeyboardMessage))]
[JsonSerializable(typeof(UnknownMessage))]
[JsonSerializable(typeof(Keyboard))]
[JsonSerializable(typeof(RichMedia))]
[JsonSerializable(typeof(ViberResponse))]
[JsonSerializable(typeof(SetWebhookRequest))]
[JsonSerializable(typeof(SetWebhookResponse))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(BroadcastMessageResponse))]
[JsonSerializable(typeof(GetAccountInfoResponse))]
[JsonSerializable(typeof(GetUserDetailsRequest))]
[JsonSerializable(typeof(GetUserDetailsResponse))]
[JsonSerializable(typeof(GetOnlineRequest))]
[JsonSerializable(typeof(GetOnlineResponse))]
[JsonSerializable(typeof(IList<string>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(int))]
internal sealed partial class ViberJsonContext : JsonSerializerContext;
