using System.Text.Json.Serialization;

namespace Viber.Api.Messages;

/// <summary>A file message.</summary>
public sealed class FileMessage : ViberMessage
{
    /// <summary>Initializes a new instance of the <see cref="FileMessage"/> class.</summary>
    public FileMessage()
        : base(MessageTypes.File)
    {
    }

    /// <summary>Gets or sets the file URL (at most 50 MB, not a forbidden file type).</summary>
    [JsonPropertyName("media")]
    public string? Media { get; set; }

    /// <summary>Gets or sets the size in bytes (required when sending).</summary>
    [JsonPropertyName("size")]
    public long? Size { get; set; }

    /// <summary>Gets or sets the file name with its extension, at most 256 characters.</summary>
    [JsonPropertyName("file_name")]
    public string? FileName { get; set; }

    /// <summary>Gets or sets the size in bytes as reported in a user's message.</summary>
    [JsonPropertyName("file_size")]
    public long? FileSize { get; set; }
}
