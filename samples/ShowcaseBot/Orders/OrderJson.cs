using System.Text.Json.Serialization;

namespace ShowcaseBot.Orders;

/// <summary>Serializes the order draft into the conversation store (source-generated: trim and AOT safe).</summary>
[JsonSerializable(typeof(OrderDraft))]
public sealed partial class OrderJson : JsonSerializerContext;
