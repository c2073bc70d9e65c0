using System.Text.Json.Serialization;

namespace Viber.AspNetCore.Tests.Conversations;

/// <summary>The app's own source-generated context, as a bot author writes it.</summary>
[JsonSerializable(typeof(CartState))]
[JsonSerializable(typeof(int))]
internal sealed partial class StateTestJsonContext : JsonSerializerContext;
