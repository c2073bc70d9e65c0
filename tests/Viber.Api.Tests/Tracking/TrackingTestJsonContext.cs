using System.Text.Json.Serialization;

namespace Viber.Api.Tests.Tracking;

/// <summary>The app's own source-generated context, as a bot author writes it.</summary>
[JsonSerializable(typeof(OrderState))]
[JsonSerializable(typeof(string))]
internal sealed partial class TrackingTestJsonContext : JsonSerializerContext;
