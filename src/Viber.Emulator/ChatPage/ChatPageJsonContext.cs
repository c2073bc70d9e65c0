using System.Text.Json.Serialization;
using Viber.Emulator.ChatPage.Views;

namespace Viber.Emulator.ChatPage;

/// <summary>Source-generated JSON for the chat page's API (camelCase, nulls left out), so the page works under Native AOT.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PageError))]
[JsonSerializable(typeof(PageState))]
[JsonSerializable(typeof(PageUser))]
[JsonSerializable(typeof(IReadOnlyList<PageUser>))]
[JsonSerializable(typeof(PageConversation))]
[JsonSerializable(typeof(PageEvent))]
[JsonSerializable(typeof(CreateUserRequest))]
[JsonSerializable(typeof(OpenConversationRequest))]
[JsonSerializable(typeof(TapRequest))]
internal sealed partial class ChatPageJsonContext : JsonSerializerContext;
