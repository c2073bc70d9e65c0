using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Viber.Emulator.ChatPage;

/// <summary>Indents JSON for the side panel, so a developer reads a request the way it was built.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Indented = new()
    {
        Indented = true,

        // Shown as text in a <pre>, never as HTML: non-ASCII and HTML characters stay readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns <paramref name="text"/> indented when it is JSON, and unchanged when it is not (an HTML error page, say).</summary>
    public static string Indent(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page from the webhook, say): shown as it came.
            return text;
        }

        using (document)
        {
            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Indented))
            {
                document.RootElement.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
