using System.Text.Json;
using System.Text.Json.Serialization;

namespace ShowcaseBot.Admin;

/// <summary>The admin endpoint's JSON, source-generated (camelCase, as ASP.NET Core's web defaults).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(BroadcastRequest))]
[JsonSerializable(typeof(BroadcastReport))]
[JsonSerializable(typeof(BroadcastProgressReport))]
public sealed partial class AdminJson : JsonSerializerContext;
