using System.Text.Json.Nodes;

namespace Viber.Emulator.Api;

/// <summary>
/// broadcast_message's placeholders, replaced per receiver in every string value of the message (text, keyboard,
/// tracking data, ...). Replacement happens on parsed string values, so a name with quotes stays valid JSON.
/// </summary>
internal static class BroadcastPlaceholders
{
    public const string ReceiverId = "replace_me_with_receiver_id";
    public const string UrlEncodedReceiverId = "replace_me_with_url_encoded_receiver_id";
    public const string UserName = "replace_me_with_user_name";

    public static JsonNode Apply(JsonNode template, string receiverId, string userName)
    {
        var copy = template.DeepClone();
        Replace(copy, receiverId, userName);
        return copy;
    }

    public static string Apply(string text, string receiverId, string userName)
        => text.Replace(UrlEncodedReceiverId, Uri.EscapeDataString(receiverId), StringComparison.Ordinal)
            .Replace(ReceiverId, receiverId, StringComparison.Ordinal)
            .Replace(UserName, userName, StringComparison.Ordinal);

    private static void Replace(JsonNode node, string receiverId, string userName)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(property => property.Key).ToList())
                {
                    if (Replacement(obj[name], receiverId, userName) is { } replaced)
                    {
                        obj[name] = replaced;
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (Replacement(array[i], receiverId, userName) is { } replaced)
                    {
                        array[i] = replaced;
                    }
                }

                break;
        }
    }

    /// <summary>Returns a new node for a string value; replaces inside an object or array in place and returns null.</summary>
    private static JsonValue? Replacement(JsonNode? value, string receiverId, string userName)
    {
        if (value is JsonValue leaf && leaf.GetValueKind() == System.Text.Json.JsonValueKind.String)
        {
            return JsonValue.Create(Apply(leaf.GetValue<string>(), receiverId, userName));
        }

        if (value is not null)
        {
            Replace(value, receiverId, userName);
        }

        return null;
    }
}
